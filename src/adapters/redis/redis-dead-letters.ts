import type { Cluster, Redis } from 'ioredis';
import type { OutboxItem } from '../../ports/conversation-pipeline.js';
import { sharedKeys } from './redis-keys.js';

/** One reply that could not be sent, as kept in `<prefix>dead`. */
export interface DeadLetter {
  /** The conversation key; it holds a phone number, so it is shown pseudonymized by the command. */
  readonly conversation: string;
  readonly item: OutboxItem;
  readonly reason: string;
  readonly at: number;
}

/**
 * The dead-letter list on Redis: newest first, capped (see `RedisTurn.settleOutbox`). Replaying takes the oldest
 * entries off the list one at a time, so a replay that fails half-way keeps the rest.
 *
 * @example
 * const dead = new RedisDeadLetters(redis, 'wa:');
 * await dead.replay(async (letter) => sender.send(letter.item.recipient, letter.item.message));
 */
export class RedisDeadLetters {
  private readonly key: string;

  constructor(
    private readonly redis: Redis | Cluster,
    keyPrefix: string,
  ) {
    this.key = sharedKeys(keyPrefix).deadLetters;
  }

  async list(max = 100): Promise<DeadLetter[]> {
    const raw = await this.redis.lrange(this.key, 0, max - 1);
    return raw.map((entry) => JSON.parse(entry) as DeadLetter);
  }

  /** Sends each dead letter again, oldest first; a letter whose send fails goes back and the replay stops. */
  async replay(send: (letter: DeadLetter) => Promise<void>, max = 1000): Promise<{ replayed: number; failed?: string }> {
    let replayed = 0;
    while (replayed < max) {
      const raw = await this.redis.rpop(this.key);
      if (raw === null) break;
      const letter = JSON.parse(raw) as DeadLetter;
      try {
        await send(letter);
        replayed += 1;
      } catch (error) {
        await this.redis.rpush(this.key, raw);
        return { replayed, failed: error instanceof Error ? error.message : String(error) };
      }
    }
    return { replayed };
  }
}
