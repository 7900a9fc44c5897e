import type { Cluster, Redis } from 'ioredis';
import { conversationKey } from '../../domain/conversation-key.js';
import type { IdentityChange } from '../../domain/inbound.js';
import type { StoredConversation } from '../../ports/conversation-pipeline.js';
import { ConversationBusyError, type ConversationMover, type MoveOutcome } from '../../ports/conversation-mover.js';
import { conversationKeys, sharedKeys } from './redis-keys.js';

/** KEYS: a key.  ARGV: the value read. Deletes it only if no lane rewrote it since it was read. */
const DELETE_IF_UNCHANGED = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface RedisConversationMoverOptions {
  readonly redis: Redis | Cluster;
  readonly keyPrefix: string;
}

type Copied = 'copied' | 'kept' | 'absent';

/**
 * `ConversationMover` on Redis. The old and the new conversation live in different hash slots, so the move is a few
 * steps rather than one script, each safe to repeat: the old snapshot and user memory are read (refused while the
 * old conversation's lease is held), written under the new id only where it has none (`SET NX`, same remaining
 * time), the pending timer carried over, then the old keys deleted if no lane rewrote them meanwhile. A crash
 * half-way leaves at worst both copies; Meta's redelivery of the system message, or the expiry, finishes the job.
 *
 * @example
 * const mover = new RedisConversationMover({ redis, keyPrefix: 'wa:' });
 */
export class RedisConversationMover implements ConversationMover {
  constructor(private readonly options: RedisConversationMoverOptions) {}

  async move(change: IdentityChange): Promise<MoveOutcome> {
    const { redis, keyPrefix } = this.options;
    const { phoneNumberId, user } = change;
    const timers = sharedKeys(keyPrefix).timers;
    const to = conversationKey({ phoneNumberId, user });
    const target = conversationKeys(keyPrefix, to);
    let outcome: MoveOutcome = 'nothing-to-move';
    for (const previous of change.previousIds) {
      const from = conversationKey({ phoneNumberId, user: { id: previous } });
      const source = conversationKeys(keyPrefix, from);
      if ((await redis.exists(source.lease)) > 0) throw new ConversationBusyError();
      const first = outcome === 'nothing-to-move';
      // Only the first conversation found is the user's to carry on; any other under an old id is deleted, not merged.
      const conversation = await this.copy(source.conversation, first ? target.conversation : undefined, (raw) =>
        JSON.stringify({ ...(JSON.parse(raw) as StoredConversation), contact: { user, phoneNumberId } }),
      );
      const memory = await this.copy(source.memory, first ? target.memory : undefined, (raw) => raw);
      if (conversation === 'copied') {
        const dueAt = await redis.zscore(timers, from);
        if (dueAt !== null) await redis.zadd(timers, dueAt, to);
      }
      await redis.zrem(timers, from);
      if (first && (conversation !== 'absent' || memory !== 'absent')) outcome = conversation === 'kept' ? 'kept-newer' : 'moved';
    }
    return outcome;
  }

  /** Copies `from` to `to` (unless `to` has a value, or is not given), then deletes `from` if unchanged meanwhile. */
  private async copy(from: string, to: string | undefined, rewrite: (raw: string) => string): Promise<Copied> {
    const { redis } = this.options;
    const [raw, ttlMs] = await Promise.all([redis.get(from), redis.pttl(from)]);
    if (raw === null || ttlMs <= 0) return 'absent';
    const written = to === undefined ? null : await redis.set(to, rewrite(raw), 'PX', ttlMs, 'NX');
    await redis.eval(DELETE_IF_UNCHANGED, 1, from, raw);
    return written === 'OK' ? 'copied' : 'kept';
  }
}
