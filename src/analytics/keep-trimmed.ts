import type { Logger } from '../observability/logger.js';
import type { InteractionStore } from './interaction-store.js';

/**
 * Drops expired analytics records every `everyMs` (default one minute), so questions go on time even while no
 * one reads the stats and no message arrives. Safe in every process at once (trimming is idempotent). The timer
 * does not keep the process alive; call the returned function on shutdown.
 *
 * @example
 * const stopTrimming = keepTrimmed(analytics, logger);
 * // on close: stopTrimming();
 */
export function keepTrimmed(store: Pick<InteractionStore, 'dropExpired'>, logger: Logger, everyMs = 60_000): () => void {
  const timer = setInterval(() => {
    store.dropExpired().then(
      (dropped) => {
        if (dropped > 0) logger.debug({ dropped }, 'analytics: expired interactions dropped');
      },
      (error: unknown) => logger.warn({ err: error }, 'analytics: expired interactions could not be dropped; retrying'),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
