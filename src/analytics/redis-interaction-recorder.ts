import type { Cluster, Redis } from 'ioredis';
import { sharedKeys } from '../adapters/redis/redis-keys.js';
import { type Script, defineScript } from '../adapters/redis/redis-scripts.js';
import type { Logger } from '../observability/logger.js';
import type { Interaction } from '../ports/interaction-recorder.js';
import { fromFields, logInteraction, toFields } from './interaction-fields.js';
import type { InteractionStore } from './interaction-store.js';

/**
 * KEYS: the stream.  ARGV: MAXLEN, n, then per record its field count and fields. Appends a batch of records in one
 * round trip, each an entry of its own.
 */
const APPEND = `
local at = 3
for _ = 1, tonumber(ARGV[2]) do
  local count = tonumber(ARGV[at])
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, at + 1, at + count))
  at = at + 1 + count
end`;

/** Records wait this long at most to be written, in batches of up to {@link BATCH_MAX}. */
const BATCH_MS = 50;
const BATCH_MAX = 200;

export interface RedisInteractionRecorderOptions {
  /** The shared command connection (standalone or Cluster); the recorder opens none of its own. */
  readonly redis: Redis | Cluster;
  readonly keyPrefix: string;
  /** Stream length kept, approximately: `MAXLEN ~` trims whole stream nodes, so up to ~100 more may remain. */
  readonly maxEntries: number;
  /** Age (ms) past which a record and its question are deleted. */
  readonly retentionMs: number;
  readonly logger: Logger;
  /** The retention's clock; tests move it forward instead of waiting. */
  readonly now?: () => number;
}

/**
 * Interactions in one capped Redis Stream, `<prefix>analytics` (one key, so fine on a Cluster), plus one log line
 * each (without the question, see `logInteraction`).
 *
 * Retention: the question is a field of the record's stream entry, and the whole entry goes once older than the
 * retention (`XTRIM MINID`, the entry id's time part being the time Redis stored it, a few ms after the turn).
 * One stream and one rule rather than a second, separately trimmed question stream: nothing can keep a question
 * past its record, and the numbers a question-less record would keep longer are of no use to `/admin/stats`
 * (last 24 h, last 10,000 records) and live on in the Prometheus metrics. Trimmed by `dropExpired` (call it
 * periodically, see `keepTrimmed`) and before every read; reads also stop at the retention's entry id, so an
 * expired question is never returned even before a trim. Needs Redis ≥ 6.2 (`MINID`).
 *
 * `record` is fire-and-forget: records are written in batches (one round trip per 50 ms or 200 records, instead of one
 * per turn: at a thousand questions a second that was two commands of fifteen per question), and a Redis error is
 * logged and costs the records, never the reply. Reads and trims write what is waiting first; `flush` at shutdown.
 *
 * @example
 * const analytics = new RedisInteractionRecorder({ redis, keyPrefix: 'wa:', maxEntries: 100_000, retentionMs: 30 * DAY_MS, logger });
 * new ConversationWorker({ …, analytics });
 */
export class RedisInteractionRecorder implements InteractionStore {
  private readonly key: string;
  private readonly now: () => number;
  private readonly append: Script;
  /** Records not written yet, as stream fields. */
  private waiting: string[][] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RedisInteractionRecorderOptions) {
    this.key = sharedKeys(options.keyPrefix).analytics;
    this.now = options.now ?? Date.now;
    this.append = defineScript(options.redis, 'waAppendInteractions', APPEND);
  }

  record(interaction: Interaction): void {
    const { logger } = this.options;
    try {
      logInteraction(logger, interaction);
      this.waiting.push(toFields(interaction));
    } catch (error) {
      logger.warn({ err: error }, 'analytics: an interaction could not be recorded');
      return;
    }
    if (this.waiting.length >= BATCH_MAX) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), BATCH_MS).unref();
  }

  /** Writes the records waiting; never rejects (a failure is logged and costs those records). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    const args = [this.options.maxEntries, batch.length, ...batch.flatMap((fields) => [fields.length, ...fields])];
    try {
      await this.append([this.key], args);
    } catch (error) {
      this.options.logger.warn({ err: error, records: batch.length }, 'analytics: interactions could not be stored');
    }
  }

  async recent(limit: number): Promise<Interaction[]> {
    await this.dropExpired();
    const entries = await this.options.redis.xrevrange(this.key, '+', this.minId(), 'COUNT', limit);
    return entries.flatMap(([, fields]) => fromFields(fields) ?? []);
  }

  async dropExpired(): Promise<number> {
    await this.flush();
    return this.options.redis.xtrim(this.key, 'MINID', '=', this.minId());
  }

  /** The first entry id within the retention (ids are `<ms>-<seq>`). */
  private minId(): string {
    return `${Math.max(0, this.now() - this.options.retentionMs)}-0`;
  }
}
