import type { Cluster, Redis } from 'ioredis';
import { sharedKeys } from '../adapters/redis/redis-keys.js';
import type { Logger } from '../observability/logger.js';
import type { Interaction } from '../ports/interaction-recorder.js';
import { fromFields, logInteraction, toFields } from './interaction-fields.js';
import type { InteractionStore } from './interaction-store.js';

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
 * `record` is fire-and-forget: a Redis error is logged and costs the record, never the reply.
 *
 * @example
 * const analytics = new RedisInteractionRecorder({ redis, keyPrefix: 'wa:', maxEntries: 100_000, retentionMs: 30 * DAY_MS, logger });
 * new ConversationWorker({ …, analytics });
 */
export class RedisInteractionRecorder implements InteractionStore {
  private readonly key: string;
  private readonly now: () => number;

  constructor(private readonly options: RedisInteractionRecorderOptions) {
    this.key = sharedKeys(options.keyPrefix).analytics;
    this.now = options.now ?? Date.now;
  }

  record(interaction: Interaction): void {
    const { redis, maxEntries, logger } = this.options;
    try {
      logInteraction(logger, interaction);
      redis
        .xadd(this.key, 'MAXLEN', '~', maxEntries, '*', ...toFields(interaction))
        .catch((error: unknown) => logger.warn({ err: error }, 'analytics: an interaction could not be stored'));
    } catch (error) {
      logger.warn({ err: error }, 'analytics: an interaction could not be recorded');
    }
  }

  async recent(limit: number): Promise<Interaction[]> {
    await this.dropExpired();
    const entries = await this.options.redis.xrevrange(this.key, '+', this.minId(), 'COUNT', limit);
    return entries.flatMap(([, fields]) => fromFields(fields) ?? []);
  }

  dropExpired(): Promise<number> {
    return this.options.redis.xtrim(this.key, 'MINID', '=', this.minId());
  }

  /** The first entry id within the retention (ids are `<ms>-<seq>`). */
  private minId(): string {
    return `${Math.max(0, this.now() - this.options.retentionMs)}-0`;
  }
}
