import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { InboundMessage } from '../../domain/inbound.js';
import { LeaseLostError, type OutboxItem, type StoredConversation, type Turn } from '../../ports/conversation-pipeline.js';
import { earliestDue } from '../../engine/runtime-messages.js';
import { conversationKeys } from './redis-keys.js';
import type { RedisScripts } from './redis-scripts.js';

export interface RedisTurnOptions {
  readonly redis: Redis | Cluster;
  readonly scripts: RedisScripts;
  readonly keyPrefix: string;
  readonly key: string;
  readonly leaseMs: number;
  readonly sessionTtlSeconds: number;
  readonly outboxTtlSeconds: number;
  readonly deadLetters: string;
  readonly timers: string;
  /** Key of the sent-wamid → conversation index entry. */
  readonly sentKey: (wamid: string) => string;
}

/** Dead letters kept for inspection and replay; older ones are trimmed. */
const DEAD_LETTER_CAP = 10_000;

/** A held lease on one conversation; every write is fenced by the lease token. */
export class RedisTurn implements Turn {
  private readonly keys: ReturnType<typeof conversationKeys>;
  /** Whether this conversation may be in the timer schedule (it had timers when loaded or last committed). */
  private hadTimers = false;

  private constructor(
    private readonly options: RedisTurnOptions,
    private readonly token: string,
  ) {
    this.keys = conversationKeys(options.keyPrefix, options.key);
  }

  static async acquire(options: RedisTurnOptions): Promise<RedisTurn | undefined> {
    const token = randomUUID();
    const lease = conversationKeys(options.keyPrefix, options.key).lease;
    const taken = await options.redis.set(lease, token, 'PX', options.leaseMs, 'NX');
    return taken === 'OK' ? new RedisTurn(options, token) : undefined;
  }

  get key(): string {
    return this.options.key;
  }

  async nextInbound(): Promise<InboundMessage | undefined> {
    const head = await this.options.redis.lindex(this.keys.inbox, 0);
    return head === null ? undefined : (JSON.parse(head) as InboundMessage);
  }

  async load(): Promise<StoredConversation | undefined> {
    const raw = await this.options.redis.get(this.keys.conversation);
    if (raw === null) return undefined;
    try {
      const stored = JSON.parse(raw) as StoredConversation;
      this.hadTimers ||= earliestDue(stored) !== undefined;
      return stored;
    } catch {
      // Corrupt: the runtime treats a snapshot it cannot use as a fresh start.
      return { machineId: '', version: -1, snapshot: raw };
    }
  }

  async pendingOutbox(): Promise<OutboxItem[]> {
    const items = await this.options.redis.lrange(this.keys.outbox, 0, -1);
    return items.map((item) => JSON.parse(item) as OutboxItem);
  }

  async commit(change: { wamid: string; conversation?: StoredConversation; outbox: readonly OutboxItem[] }): Promise<void> {
    const { scripts, sessionTtlSeconds, outboxTtlSeconds } = this.options;
    await this.fenced(() =>
      scripts.commit(
        [this.keys.lease, this.keys.inbox, this.keys.conversation, this.keys.outbox],
        [
          this.token,
          change.wamid,
          change.conversation ? JSON.stringify(change.conversation) : '',
          sessionTtlSeconds,
          outboxTtlSeconds,
          ...change.outbox.map((item) => JSON.stringify(item)),
        ],
      ),
    );
    if (change.conversation) {
      // Another slot on a cluster, so not in the script: a crash right here loses a reminder, never a message.
      const dueAt = earliestDue(change.conversation);
      const { redis, timers } = this.options;
      // Most conversations never had a timer: then there is nothing to unschedule (one command less per turn).
      if (dueAt !== undefined) await redis.zadd(timers, dueAt, this.key);
      else if (this.hadTimers) await redis.zrem(timers, this.key);
      this.hadTimers = dueAt !== undefined;
    }
  }

  async settleOutbox(itemId: string, deadLetterReason?: string): Promise<void> {
    if (deadLetterReason !== undefined) {
      // Recorded before the item leaves the outbox: a crash in between duplicates a record, never loses one.
      const head = await this.options.redis.lindex(this.keys.outbox, 0);
      if (head !== null) {
        const record = JSON.stringify({ conversation: this.key, item: JSON.parse(head), reason: deadLetterReason, at: Date.now() });
        await this.options.redis.lpush(this.options.deadLetters, record);
        await this.options.redis.ltrim(this.options.deadLetters, 0, DEAD_LETTER_CAP - 1);
      }
    }
    await this.fenced(() => this.options.scripts.settleOutbox([this.keys.lease, this.keys.outbox], [this.token, itemId]));
  }

  async recordSent(wamid: string): Promise<void> {
    await this.options.redis.set(this.options.sentKey(wamid), this.key, 'EX', this.options.outboxTtlSeconds);
  }

  async extend(): Promise<boolean> {
    return (await this.options.scripts.extend([this.keys.lease], [this.token, this.options.leaseMs])) === 1;
  }

  async release(): Promise<boolean> {
    const result = (await this.options.scripts.release(
      [this.keys.lease, this.keys.inbox, this.keys.outbox],
      [this.token],
    )) as number;
    if (result === -1) throw new LeaseLostError();
    return result === 1;
  }

  private async fenced(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (String(error).includes('LEASE_LOST')) throw new LeaseLostError();
      throw error;
    }
  }
}
