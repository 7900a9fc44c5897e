import type { Logger } from '../observability/logger.js';
import type { Interaction } from '../ports/interaction-recorder.js';
import { clipQuestion, logInteraction } from './interaction-fields.js';
import type { InteractionStore } from './interaction-store.js';

export interface MemoryInteractionRecorderOptions {
  /** Records kept, exactly: the oldest is overwritten past it. */
  readonly maxEntries: number;
  /** Age (ms, by the record's `at`) past which a record and its question are dropped. */
  readonly retentionMs: number;
  readonly logger: Logger;
  /** The retention's clock; tests move it forward instead of waiting. */
  readonly now?: () => number;
}

/**
 * Interactions in a ring buffer, for the embedded (no Redis) mode: the same records, caps and retention as
 * `RedisInteractionRecorder`, lost on restart. Expired records are dropped on every record and read, and by
 * `dropExpired` (see `keepTrimmed`), so a quiet process does not hold old questions either.
 *
 * @example
 * const analytics = new MemoryInteractionRecorder({ maxEntries: 100_000, retentionMs: 30 * DAY_MS, logger });
 */
export class MemoryInteractionRecorder implements InteractionStore {
  private readonly ring: Array<Interaction | undefined>;
  /** Index of the oldest record. */
  private head = 0;
  private size = 0;
  private readonly now: () => number;

  constructor(private readonly options: MemoryInteractionRecorderOptions) {
    this.ring = new Array<Interaction | undefined>(Math.max(1, options.maxEntries));
    this.now = options.now ?? Date.now;
  }

  record(interaction: Interaction): void {
    try {
      logInteraction(this.options.logger, interaction);
      this.dropExpiredNow();
      const capacity = this.ring.length;
      this.ring[(this.head + this.size) % capacity] = clipQuestion(interaction);
      if (this.size < capacity) this.size += 1;
      else this.head = (this.head + 1) % capacity;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'analytics: an interaction could not be recorded');
    }
  }

  async recent(limit: number): Promise<Interaction[]> {
    this.dropExpiredNow();
    const cutoff = this.cutoff();
    const newest: Interaction[] = [];
    for (let n = this.size - 1; n >= 0 && newest.length < limit; n -= 1) {
      const record = this.ring[(this.head + n) % this.ring.length];
      // Turns finish slightly out of order across lanes: an expired record may sit behind a fresher one.
      if (record && record.at >= cutoff) newest.push(record);
    }
    return newest;
  }

  /** Nothing waits: records are kept as they come. */
  async flush(): Promise<void> {}

  async dropExpired(): Promise<number> {
    return this.dropExpiredNow();
  }

  private dropExpiredNow(): number {
    const cutoff = this.cutoff();
    let dropped = 0;
    while (this.size > 0 && (this.ring[this.head]?.at ?? -Infinity) < cutoff) {
      this.ring[this.head] = undefined;
      this.head = (this.head + 1) % this.ring.length;
      this.size -= 1;
      dropped += 1;
    }
    return dropped;
  }

  private cutoff(): number {
    return this.now() - this.options.retentionMs;
  }
}
