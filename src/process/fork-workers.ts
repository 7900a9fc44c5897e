import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../observability/logger.js';

/** A worker that dies this soon after its start is not restarted again at once (a crash loop). */
const RESTART_BACKOFF_MS = 1000;

/**
 * `WORKERS=N`: the primary process forks N copies of the server sharing one port (node:cluster hands out the
 * connections), so one `npm start` uses every core. Each copy is a full server and worker on the shared Redis,
 * with all its guarantees. A copy that dies is replaced; SIGTERM/SIGINT stop them all within their own 10 s.
 *
 * @example
 * if (config.workers > 1 && cluster.isPrimary) return forkWorkers(config.workers, logger);
 */
export function forkWorkers(count: number, logger: Logger): void {
  let stopping = false;
  const fork = (): Worker => cluster.fork();
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'a server process died: starting another');
    setTimeout(fork, RESTART_BACKOFF_MS);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: count }, 'stopping every server process');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.info({ workers: count }, `started ${count} server processes on one port`);
}
