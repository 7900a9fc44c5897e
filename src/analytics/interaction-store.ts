import type { Interaction, InteractionRecorder } from '../ports/interaction-recorder.js';

/**
 * The read side of analytics, owned by its consumer (`GET /admin/stats`). Implementations never return a record
 * older than their retention, so a question past `QUESTION_RETENTION_DAYS` cannot reach a page.
 *
 * @example
 * const latest = await source.recent(10_000); // newest first
 */
export interface InteractionSource {
  /** The newest records, newest first, at most `limit`, none older than the retention. */
  recent(limit: number): Promise<Interaction[]>;
}

/**
 * Both sides plus the retention upkeep: what the composition root builds once, in Redis or in memory, and hands
 * to the worker (as its recorder) and to the app (as its source).
 *
 * @example
 * const analytics: InteractionStore = new MemoryInteractionRecorder({ maxEntries: 100_000, retentionMs, logger });
 */
export interface InteractionStore extends InteractionRecorder, InteractionSource {
  /** Deletes every record older than the retention, with its question; resolves to how many went. */
  dropExpired(): Promise<number>;
  /** Writes what is waiting to be written (at shutdown); never rejects. */
  flush(): Promise<void>;
}

/** One day in milliseconds, to turn `QUESTION_RETENTION_DAYS` into a retention. */
export const DAY_MS = 24 * 3600 * 1000;
