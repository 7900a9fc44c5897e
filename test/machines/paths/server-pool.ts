import { Writable } from 'node:stream';
import { createLogger } from '../../../src/observability/logger.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../../support/test-server.js';

/** A test server that runs one path at a time, with the count of turns it was sent (to know when it is idle). */
export interface PooledServer {
  readonly t: TestServer;
  turns: number;
  /** The server's warnings and errors, one JSON line each, for a failing turn to show. */
  readonly problems: string[];
}

/** A logger keeping warn-level lines and above in `lines`. */
function collectingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      done();
    },
  });
  return createLogger({ level: 'warn', destination: sink });
}

/**
 * Up to `size` in-process test servers, started on first use and lent to one path at a time: each has its
 * own Graph and CSS stand-ins, so a path can script the CSS API and count its turns without another path
 * in the way, while several paths run at once.
 *
 * @example
 * const pool = serverPool(4, { store: 'memory' });
 * await pool.use(async (server) => { await server.t.post(body); });
 * await pool.close();
 */
export function serverPool(size: number, options: TestServerOptions) {
  const all: Promise<PooledServer>[] = [];
  const idle: PooledServer[] = [];
  const waiting: ((server: PooledServer) => void)[] = [];

  const acquire = (): Promise<PooledServer> => {
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (all.length < size) {
      const problems: string[] = [];
      const started = startTestServer({ ...options, logger: collectingLogger(problems) }).then((t): PooledServer => ({ t, turns: 0, problems }));
      all.push(started);
      return started;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (server: PooledServer): void => {
    const next = waiting.shift();
    if (next) next(server);
    else idle.push(server);
  };

  return {
    /** Runs `work` with a server of its own; the server goes back to the pool afterwards, failed or not. */
    async use<T>(work: (server: PooledServer) => Promise<T>): Promise<T> {
      const server = await acquire();
      try {
        return await work(server);
      } finally {
        release(server);
      }
    },
    /** How many servers were started. */
    get started(): number {
      return all.length;
    },
    async close(): Promise<void> {
      const servers = await Promise.allSettled(all);
      await Promise.all(servers.map((s) => (s.status === 'fulfilled' ? s.value.t.close() : undefined)));
    },
  };
}
