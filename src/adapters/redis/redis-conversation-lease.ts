import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { LaneInput } from '../../domain/lane-input.js';
import {
  type CommitChange,
  type ConversationLease,
  earliestDue,
  LeaseLostError,
  type OutboxItem,
  type SettleOutcome,
  type StoredConversation,
  type UserMemory,
  type WorkTicket,
} from '../../ports/conversation-pipeline.js';
import { conversationKeys, type sharedKeys } from './redis-keys.js';
import type { RedisScripts } from './redis-scripts.js';

export interface RedisLeaseOptions {
  readonly redis: Redis | Cluster;
  readonly scripts: RedisScripts;
  readonly keyPrefix: string;
  readonly shared: ReturnType<typeof sharedKeys>;
  readonly key: string;
  readonly leaseMs: number;
  readonly sessionTtlSeconds: number;
  readonly outboxTtlSeconds: number;
  /** How long a user's memory outlives their last message. */
  readonly memoryTtlSeconds: number;
}

/** Dead letters kept for inspection and replay; older ones are trimmed. */
const DEAD_LETTER_CAP = 10_000;

/** What the acquire script returns: pending outbox items, the inbox head, the stored conversation, the memory. */
type FirstReads = [outbox: string[], head: string | null, conversation: string | null, memory: string | null];

/**
 * A held lease on one conversation; every write is fenced by the lease token. While the lease is held nobody else
 * writes this conversation's outbox or snapshot, and only this holder pops its inbox, so what it read or wrote is
 * kept here and not read back: acquiring returns the first reads, a commit returns the next inbox head.
 */
export class RedisConversationLease implements ConversationLease {
  private readonly keys: ReturnType<typeof conversationKeys>;
  /** Whether this conversation may be in the timer schedule (it had timers when loaded or last committed). */
  private hadTimers = false;
  /** The outbox as this holder knows it; undefined: read it from Redis. */
  private outbox: OutboxItem[] | undefined;
  /** The inbox head (null: empty); undefined: unknown (work may have arrived since), read it. */
  private head: string | null | undefined;
  /** The stored conversation JSON (null: none). */
  private conversation: string | null;
  private readonly remembered: string | null;
  /** The lane's tickets, when the holder asked to give the conversation back with the write that leaves it idle. */
  private releaseWith: (() => readonly WorkTicket[]) | undefined;
  /** The tickets completed when a write gave the conversation back; undefined while it is held. */
  released: readonly WorkTicket[] | undefined;

  private constructor(
    private readonly options: RedisLeaseOptions,
    private readonly token: string,
    [outbox, head, conversation, memory]: FirstReads,
  ) {
    this.keys = conversationKeys(options.keyPrefix, options.key);
    this.outbox = outbox.map((item) => JSON.parse(item) as OutboxItem);
    this.head = head;
    this.conversation = conversation;
    this.remembered = memory;
  }

  static async acquire(options: RedisLeaseOptions): Promise<RedisConversationLease | undefined> {
    const token = randomUUID();
    const keys = conversationKeys(options.keyPrefix, options.key);
    const reads = (await options.scripts.acquire(
      [keys.lease, keys.inbox, keys.outbox, keys.conversation, keys.memory],
      [token, options.leaseMs],
    )) as FirstReads | null;
    return reads ? new RedisConversationLease(options, token, reads) : undefined;
  }

  get key(): string {
    return this.options.key;
  }

  async nextInput(): Promise<LaneInput | undefined> {
    // `null` is a known empty inbox: only an unknown head (undefined) is read again.
    if (this.head === undefined) this.head = await this.options.redis.lindex(this.keys.inbox, 0);
    return this.head === null ? undefined : (JSON.parse(this.head) as LaneInput);
  }

  async load(): Promise<StoredConversation | undefined> {
    const raw = this.conversation;
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

  async memory(): Promise<UserMemory | undefined> {
    if (this.remembered === null) return undefined;
    try {
      return JSON.parse(this.remembered) as UserMemory;
    } catch {
      return undefined;
    }
  }

  async pendingOutbox(): Promise<OutboxItem[]> {
    this.outbox ??= (await this.options.redis.lrange(this.keys.outbox, 0, -1)).map((item) => JSON.parse(item) as OutboxItem);
    return [...this.outbox];
  }

  async commit(change: CommitChange): Promise<void> {
    const { redis, scripts, sessionTtlSeconds, outboxTtlSeconds, memoryTtlSeconds, shared } = this.options;
    const conversation = change.conversation ? JSON.stringify(change.conversation) : '';
    const effects = change.effects ?? [];
    // On a cluster the effect keys live in another slot: each call is recorded before the commit (see the script).
    const effectsInScript = effects.length > 0 && !redis.isCluster;
    if (!effectsInScript) {
      for (const { call, claimedUntil } of effects) {
        await scripts.recordEffect([shared.effectsDue, shared.effectCalls], [call.callId, claimedUntil, JSON.stringify(call)]);
      }
    }
    // A commit that adds replies leaves something to do: only one without may give the conversation back.
    const release = this.releaseArgs(change.outbox.length === 0);
    const keys = [this.keys.lease, this.keys.inbox, this.keys.conversation, this.keys.outbox, this.keys.memory, ...release.keys];
    const args: Array<string | number> = [
      this.token,
      change.inputId,
      conversation,
      change.sessionTtlSeconds ?? sessionTtlSeconds,
      outboxTtlSeconds,
      change.memory ? JSON.stringify(change.memory) : '',
      memoryTtlSeconds,
      ...release.args,
      change.outbox.length,
      ...change.outbox.map((item) => JSON.stringify(item)),
    ];
    if (effectsInScript) {
      keys.push(shared.effectsDue, shared.effectCalls);
      for (const { call, claimedUntil } of effects) args.push(call.callId, claimedUntil, JSON.stringify(call));
    }
    // Unknown until the reply arrives: a commit that fails may or may not have been applied.
    this.head = undefined;
    const result = (await this.fenced(() => scripts.commit(keys, args))) as string | null | number;
    if (conversation !== '') this.conversation = conversation;
    this.outbox?.push(...change.outbox);
    if (result === 1) await this.gaveBack(release.tickets);
    else this.head = result as string | null;
    if (change.conversation) {
      // Another slot on a cluster, so not in the script: a crash right here loses a reminder, never a message.
      const dueAt = earliestDue(change.conversation);
      // Most conversations never had a timer: then there is nothing to unschedule (one command less per turn).
      if (dueAt !== undefined) await redis.zadd(shared.timers, dueAt, this.key);
      else if (this.hadTimers) await redis.zrem(shared.timers, this.key);
      this.hadTimers = dueAt !== undefined;
    }
  }

  async settleOutbox(itemId: string, outcome: SettleOutcome = {}): Promise<void> {
    const { redis, scripts, shared, outboxTtlSeconds } = this.options;
    if (outcome.deadLetterReason !== undefined) {
      // Recorded before the item leaves the outbox: a crash in between duplicates a record, never loses one.
      const head = (await this.pendingOutbox())[0];
      if (head !== undefined) {
        const record = JSON.stringify({ conversation: this.key, item: head, reason: outcome.deadLetterReason, at: Date.now() });
        await redis.lpush(shared.deadLetters, record);
        await redis.ltrim(shared.deadLetters, 0, DEAD_LETTER_CAP - 1);
      }
    }
    const { sentWamid } = outcome;
    // The index entry lives in another slot on a cluster: there it is written after the script, not in it.
    const indexInScript = sentWamid !== undefined && !redis.isCluster;
    // The last item of a known outbox, with no input known to be waiting: the conversation may go back in this step.
    const last = this.outbox?.length === 1 && this.outbox[0]?.id === itemId && this.head === null;
    const release = this.releaseArgs(last);
    const removed = await this.fenced(() =>
      scripts.settleOutbox(
        [this.keys.lease, this.keys.outbox, this.keys.inbox, ...(indexInScript ? [shared.sent(sentWamid)] : []), ...release.keys],
        [this.token, itemId, this.key, indexInScript ? outboxTtlSeconds : '', ...release.args],
      ),
    );
    // 0: the head was not that item (an earlier attempt removed it before its reply was lost): read the outbox again.
    if (removed !== 0 && this.outbox?.[0]?.id === itemId) this.outbox.shift();
    else this.outbox = undefined;
    if (sentWamid !== undefined && !indexInScript) await redis.set(shared.sent(sentWamid), this.key, 'EX', outboxTtlSeconds);
    if (removed === 2) await this.gaveBack(release.tickets);
  }

  releaseWhenIdle(done: () => readonly WorkTicket[]): void {
    this.releaseWith = done;
  }

  /**
   * The release part of a write's arguments: asked for when the holder offered it and `mayBeIdle` (the write may leave
   * nothing to do); the work stream goes in the script on a single server only (another slot on a cluster).
   */
  private releaseArgs(mayBeIdle: boolean): { keys: string[]; args: string[]; tickets: readonly WorkTicket[] } {
    const { redis, shared } = this.options;
    if (!this.releaseWith || !mayBeIdle) return { keys: [], args: ['', '', ''], tickets: [] };
    const tickets = this.releaseWith();
    const inScript = tickets.length > 0 && !redis.isCluster;
    return {
      keys: inScript ? [shared.ready] : [],
      args: ['1', inScript ? shared.group : '', tickets.map((ticket) => ticket.id).join(' ')],
      tickets,
    };
  }

  /** After a write gave the conversation back: nothing is left in it; on a cluster the tickets are completed now. */
  private async gaveBack(tickets: readonly WorkTicket[]): Promise<void> {
    this.head = null;
    this.outbox = [];
    this.released = tickets;
    const { redis, scripts, shared } = this.options;
    if (tickets.length > 0 && redis.isCluster) await scripts.complete([shared.ready], [shared.group, ...tickets.map((ticket) => ticket.id)]);
  }

  async extend(): Promise<boolean> {
    return (await this.options.scripts.extend([this.keys.lease], [this.token, this.options.leaseMs])) === 1;
  }

  async release(done: readonly WorkTicket[] = []): Promise<boolean> {
    const { redis, scripts, shared } = this.options;
    // On a cluster the work stream lives in another slot: the tickets are completed by a command of their own.
    const inScript = done.length > 0 && !redis.isCluster;
    const keys = [this.keys.lease, this.keys.inbox, this.keys.outbox, ...(inScript ? [shared.ready] : [])];
    const args = [this.token, ...(inScript ? [shared.group, ...done.map((ticket) => ticket.id)] : [])];
    const result = (await scripts.release(keys, args)) as number;
    if (result === -1) throw new LeaseLostError();
    // Kept because work arrived meanwhile: the inbox head is no longer what the last commit saw.
    if (result === 0) this.head = undefined;
    if (result === 1 && done.length > 0 && !inScript) await scripts.complete([shared.ready], [shared.group, ...done.map((ticket) => ticket.id)]);
    return result === 1;
  }

  private async fenced(write: () => Promise<unknown>): Promise<unknown> {
    try {
      return await write();
    } catch (error) {
      if (String(error).includes('LEASE_LOST')) throw new LeaseLostError();
      throw error;
    }
  }
}
