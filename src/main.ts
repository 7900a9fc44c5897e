import cluster from 'node:cluster';
import { machines } from '../machines/index.js';
import { ConfigError, loadConfig } from './config/config.js';
import { assertMachinesPass } from './designer/check/index.js';
import { createLogger } from './observability/logger.js';
import { forkWorkers } from './process/fork-workers.js';
import { startServer } from './server.js';

/** Process entry (`npm start`): configuration, start, and a graceful stop on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  if (cluster.isPrimary) {
    // The same check as `npm run check`: a broken machine stops the start with the same messages.
    await assertMachinesPass(Object.values(machines));
    if (config.workers > 1) return forkWorkers(config.workers, logger);
  }
  const server = await startServer(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => {
        clearTimeout(forced);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
