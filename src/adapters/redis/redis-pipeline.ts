import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { conversationKey } from '../../domain/conversation-key.js';
import { deliveryFailed, type LaneInput, timerDue } from '../../domain/lane-input.js';
import type {
  AcceptResult,
  ConversationCensus,
  ConversationLease,
  Inbox,
  StateCount,
  StoredConversation,
  WorkSource,
  WorkTicket,
} from '../../ports/conversation-pipeline.js';
import type { EffectJournal } from '../../ports/effect-journal.js';
import { RedisConversationLease } from './redis-conversation-lease.js';
import { countConversations } from './redis-census.js';
import { RedisEffectJournal } from './redis-effect-journal.js';
import { conversationKeys, sharedKeys } from './redis-keys.js';
import { defineScripts, type RedisScripts } from './redis-scripts.js';

type Client = Redis | Cluster;

export interface RedisPipelineOptions {
  /** Commands; shared by the webhook and the workers (auto-pipelined). */
  readonly redis: Client;
  /** A second connection for the blocking read of the work stream, which would stall shared commands. */
  readonly blockingRedis: Client;
  readonly keyPrefix: string;
  readonly sessionTtlSeconds: number;
  readonly dedupWindowSeconds: number;
  /** This worker's name in the consumer group; unique per process. */
  readonly consumer?: string;
  readonly leaseMs?: number;
  /** A ticket pending this long without completion is taken over by another worker. */
  readonly reclaimAfterMs?: number;
  /** How long what a machine remembers of a user outlives their last message (0: nothing is kept). */
  readonly memoryTtlSeconds?: number;
}

/** A claimed timer not delivered within this time (the process died) is claimed again. */
const TIMER_LEASE_MS = 30_000;

type StreamEntries = Array<[id: string, fields: string[]]>;

/**
 * The durable pipeline on Redis (standalone or Cluster): dedup + inbox in one script per conversation, work
 * tickets in a stream with a consumer group (pending tickets of a crashed process are reclaimed), leases with
 * fencing, and the snapshot/outbox/done commit in one script. Adapters receive their clients; `init()` does
 * the one piece of async set-up (the consumer group).
 */
export class RedisPipeline implements Inbox, WorkSource, ConversationCensus {
  private readonly scripts: RedisScripts;
  private readonly keys: ReturnType<typeof sharedKeys>;
  private readonly consumer: string;
  private reclaimCursor = '0-0';
  /** Effect calls between the turn that started them and the turn that applies their outcome. */
  readonly effects: EffectJournal;

  constructor(private readonly options: RedisPipelineOptions) {
    this.scripts = defineScripts(options.redis);
    this.keys = sharedKeys(options.keyPrefix);
    this.consumer = options.consumer ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.effects = new RedisEffectJournal({
      redis: options.redis,
      scripts: this.scripts,
      keyPrefix: options.keyPrefix,
      dedupWindowSeconds: options.dedupWindowSeconds,
      inbox: this,
    });
  }

  async init(): Promise<void> {
    try {
      await this.options.redis.xgroup('CREATE', this.keys.ready, this.keys.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error;
    }
  }

  async accept(messages: readonly LaneInput[]): Promise<AcceptResult> {
    const byConversation = new Map<string, LaneInput[]>();
    for (const message of messages) {
      const key = conversationKey(message);
      byConversation.set(key, [...(byConversation.get(key) ?? []), message]);
    }
    const { redis, keyPrefix, dedupWindowSeconds } = this.options;
    // A single server stores the messages and announces them in one script. On a cluster the work stream lives in
    // another slot, so the ticket follows the script's reply (never before it: a worker could find nothing yet).
    const cluster = redis.isCluster;
    const added = await Promise.all(
      [...byConversation].map(async ([key, batch]) => {
        const tag = `${keyPrefix}{${key}}`;
        const keys = [`${tag}:in`, ...batch.map((m) => `${tag}:seen:${m.wamid}`)];
        const args = [dedupWindowSeconds, ...batch.map((m) => JSON.stringify(m))];
        if (!cluster) return (await this.scripts.acceptAndAnnounce([...keys, this.keys.ready], [...args, key])) as number;
        const count = (await this.scripts.accept(keys, args)) as number;
        // Always announced, duplicates included: if a crash came between the script and this line, the
        // redelivery Meta makes after our missing 200 still produces the ticket.
        await redis.xadd(this.keys.ready, '*', 'c', key);
        return count;
      }),
    );
    const accepted = added.reduce((sum, n) => sum + n, 0);
    return { accepted, duplicates: messages.length - accepted };
  }

  async ping(): Promise<void> {
    await this.options.redis.ping();
  }

  async next(max: number, waitMs: number): Promise<WorkTicket[]> {
    let reply: Array<[string, StreamEntries]> | null;
    try {
      reply = (await this.options.blockingRedis.xreadgroup(
        'GROUP', this.keys.group, this.consumer, 'COUNT', max, 'BLOCK', waitMs, 'STREAMS', this.keys.ready, '>',
      )) as Array<[string, StreamEntries]> | null;
    } catch (error) {
      // Redis was unreachable at start, or was restarted without persistence: create the group now. It reads
      // the stream from its beginning, so nothing accepted meanwhile is missed.
      if (!String(error).includes('NOGROUP')) throw error;
      await this.init();
      return [];
    }
    return reply ? toTickets(reply[0]?.[1] ?? []) : [];
  }

  async reclaim(max: number): Promise<WorkTicket[]> {
    const [cursor, entries] = (await this.options.redis.xautoclaim(
      this.keys.ready, this.keys.group, this.consumer, this.options.reclaimAfterMs ?? 5_000, this.reclaimCursor, 'COUNT', max,
    )) as [string, StreamEntries, string[]];
    this.reclaimCursor = cursor;
    return toTickets(entries);
  }

  async queueStats(): Promise<{ depth: number; oldestAgeMs: number }> {
    const { redis } = this.options;
    const [depth, oldest] = await Promise.all([redis.xlen(this.keys.ready), redis.xrange(this.keys.ready, '-', '+', 'COUNT', 1)]);
    // A stream id starts with the time it was added: the oldest ticket's age needs no extra field.
    const since = Number(oldest[0]?.[0].split('-')[0] ?? Date.now());
    return { depth, oldestAgeMs: Math.max(0, Date.now() - since) };
  }

  async complete(tickets: readonly WorkTicket[]): Promise<void> {
    if (tickets.length === 0) return;
    await this.scripts.complete([this.keys.ready], [this.keys.group, ...tickets.map((t) => t.id)]);
  }

  async countByState(): Promise<StateCount[]> {
    return countConversations(this.options.redis, this.options.keyPrefix);
  }

  async lease(key: string): Promise<ConversationLease | undefined> {
    return RedisConversationLease.acquire({
      redis: this.options.redis,
      scripts: this.scripts,
      keyPrefix: this.options.keyPrefix,
      shared: this.keys,
      key,
      leaseMs: this.options.leaseMs ?? 10_000,
      sessionTtlSeconds: this.options.sessionTtlSeconds,
      outboxTtlSeconds: this.options.dedupWindowSeconds,
      memoryTtlSeconds: Math.max(1, this.options.memoryTtlSeconds ?? 0),
    });
  }

  async reportDeliveryFailure(wamid: string, code: number): Promise<boolean> {
    const { redis, keyPrefix } = this.options;
    const key = await redis.get(this.keys.sent(wamid));
    const raw = key === null ? null : await redis.get(conversationKeys(keyPrefix, key).conversation);
    const message = raw === null ? undefined : parseConversation(raw, (stored) => stored.contact && deliveryFailed(stored.contact, wamid, code));
    if (!message) return false;
    await this.accept([message]);
    return true;
  }

  async fireDueTimers(now: number, max: number): Promise<number> {
    const { redis, keyPrefix } = this.options;
    const claimed = (await this.scripts.claimTimers([this.keys.timers], [now, max, now + TIMER_LEASE_MS])) as string[];
    let fired = 0;
    for (let i = 0; i + 1 < claimed.length; i += 2) {
      const key = claimed[i] as string;
      const score = claimed[i + 1] as string;
      const raw = await redis.get(conversationKeys(keyPrefix, key).conversation);
      const message = raw === null ? undefined : timerMessageOf(raw, Number(score));
      if (message) {
        await this.accept([message]);
        fired += 1;
      }
      await this.scripts.unscheduleIf([this.keys.timers], [key, String(now + TIMER_LEASE_MS)]);
    }
    return fired;
  }
}

function toTickets(entries: StreamEntries): WorkTicket[] {
  // Entries deleted meanwhile come back from XAUTOCLAIM as null: skip them.
  return entries.flatMap((entry) => {
    if (!entry) return [];
    const [id, fields] = entry;
    const key = fields[fields.indexOf('c') + 1];
    return key ? [{ id, key }] : [];
  });
}

function timerMessageOf(raw: string, dueAt: number) {
  return parseConversation(raw, (stored) => stored.contact && timerDue(stored.contact, dueAt));
}

/** Applies `use` to a stored conversation; a corrupt one yields nothing (it restarts on the next message). */
function parseConversation<T>(raw: string, use: (stored: StoredConversation) => T | undefined): T | undefined {
  try {
    return use(JSON.parse(raw) as StoredConversation);
  } catch {
    return undefined;
  }
}
