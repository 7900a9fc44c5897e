import { createServer, type Server } from 'node:http';
import type Koa from 'koa';
import type { Logger } from '../observability/logger.js';
import type { ProxyTrust } from './proxy-trust.js';

/** Where to listen and what one client may hold (`HOST`, `PORT`, `MAX_CONNECTIONS`, `…_TIMEOUT_MS`). */
export interface ListenOptions {
  readonly host: string;
  readonly port: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerClient: number;
  /** Time to send a request's headers, and for a new connection to start one. */
  readonly headersTimeoutMs: number;
  /** Time, after the headers, to send the whole body. */
  readonly bodyTimeoutMs: number;
  /** Trusted proxies carry many clients' connections: the per-client cap does not apply to them. */
  readonly trust: ProxyTrust;
  readonly logger: Logger;
}

/**
 * Longer than any proxy's or client's idle timeout, so a kept-alive connection is never closed by us at the
 * moment it is reused (that race shows as a reset request on the other side).
 */
const KEEP_ALIVE_MS = 65_000;
const WARN_EVERY_MS = 60_000;

/**
 * Starts the HTTP server for `app` with the limits that keep one client from holding it: Node answers 408 and
 * closes a connection whose headers, or whose body, are not in within their time (checked every quarter of the
 * headers time, at most every second); a connection that sends nothing at all is closed after the headers time;
 * past `maxConnections` in all, or `maxConnectionsPerClient` from one address, new connections are closed at once.
 *
 * @example
 * const server = await listen(createApp(deps), { host: '127.0.0.1', port: 3000, …limits, trust, logger });
 */
export async function listen(app: Koa, options: ListenOptions): Promise<Server> {
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.headersTimeoutMs + options.bodyTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(options.headersTimeoutMs / 4))),
      keepAliveTimeout: KEEP_ALIVE_MS,
    },
    app.callback(),
  );
  server.maxConnections = options.maxConnections;
  const warn = throttledWarning(options.logger);
  server.on('drop', () => warn('MAX_CONNECTIONS reached: new connections are closed at once'));
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    // Until a request starts, an idle socket only holds a slot; once one does, Node's own timeouts take over.
    socket.setTimeout(options.headersTimeoutMs);
    const peer = socket.remoteAddress ?? '';
    if (options.trust.trusts(peer)) return;
    const count = (open.get(peer) ?? 0) + 1;
    if (count > options.maxConnectionsPerClient) {
      warn('MAX_CONNECTIONS_PER_CLIENT reached by one client: its new connections are closed at once');
      socket.destroy();
      return;
    }
    open.set(peer, count);
    socket.once('close', () => {
      const left = (open.get(peer) ?? 1) - 1;
      if (left <= 0) open.delete(peer);
      else open.set(peer, left);
    });
  });
  server.on('request', (request) => request.socket.setTimeout(0));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Whether a bound address is reachable from this machine only. */
export const isLoopback = (address: string): boolean => /^(127\.|::1$|::ffff:127\.)/.test(address);

/** How a client on this machine reaches the bound address, for a URL. */
export const urlHost = (address: string): string =>
  address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : address.includes(':') ? `[${address}]` : address;

/** A warning at most once a minute: a flood must not turn into a flood of log lines. */
function throttledWarning(logger: Logger): (message: string) => void {
  const last = new Map<string, number>();
  return (message) => {
    const now = Date.now();
    if (now - (last.get(message) ?? -Infinity) < WARN_EVERY_MS) return;
    last.set(message, now);
    logger.warn(message);
  };
}
