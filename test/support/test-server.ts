import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLogger, silentLogger, type Logger } from '../../src/observability/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { signBody, toWire, type WebhookBody } from '../builders/payloads.js';
import { startCssStandIn, type CssAnswerFn, type CssStandIn } from './css-stand-in.js';
import { eventually } from './eventually.js';
import { startGraphStandIn, type GraphStandIn, type GraphStandInOptions } from './graph-stand-in.js';

export const TEST_SECRET = 'test-app-secret';
export const TEST_VERIFY_TOKEN = 'test-verify-token';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestServer {
  readonly server: RunningServer;
  readonly graph: GraphStandIn;
  readonly css: CssStandIn;
  readonly config: Config;
  /**
   * Resolves once the server has nothing in hand: no input waiting or being handled, no effect call queued, running
   * or waiting for its outcome to be stored, nothing left to send. Everything a message caused has then been sent.
   */
  quiet(timeoutMs?: number): Promise<void>;
  /** Posts a body as Meta would: escaped wire form, signed with the test secret unless `signature` is given. */
  post(body: WebhookBody | string, options?: { signature?: string | null; contentType?: string; requestId?: string }): Promise<Response>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly store: 'memory' | 'redis';
  readonly env?: Record<string, string>;
  readonly css?: CssAnswerFn;
  readonly graph?: GraphStandInOptions;
  /** The server's logger (default: silent, or stderr with TEST_LOG=level). */
  readonly logger?: Logger;
  /** Keep the Redis keys on close (a second server continues where this one stopped). */
  readonly keepKeys?: boolean;
}

/**
 * The whole server in-process on a free port, with loopback stand-ins for the Graph API and the CSS API and,
 * for `store: 'redis'`, a key prefix of its own that is deleted on close.
 */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const graph = await startGraphStandIn(options.graph);
  const css = await startCssStandIn(options.css);
  const keyPrefix = options.env?.KEY_PREFIX ?? `test:${randomUUID().slice(0, 8)}:`;
  const config = loadConfig({
    PORT: '0',
    NODE_ENV: 'test',
    WHATSAPP_TOKEN: 'test-token',
    WHATSAPP_APP_SECRET: TEST_SECRET,
    WEBHOOK_VERIFY_TOKEN: TEST_VERIFY_TOKEN,
    WHATSAPP_API_URL: graph.baseUrl,
    CSS_API_URL: css.url,
    CSS_API_TIMEOUT_MS: '2000',
    KEY_PREFIX: keyPrefix,
    // The Graph stand-in serves media files from 127.0.0.1, standing for Meta's CDN.
    MEDIA_HOSTS: '127.0.0.1',
    ...(options.store === 'redis' ? { REDIS_URL } : {}),
    ...options.env,
  });
  // TEST_LOG=debug npm test -- … shows the server's log on stderr.
  const logger = options.logger ?? (process.env.TEST_LOG ? createLogger({ level: process.env.TEST_LOG, destination: process.stderr }) : silentLogger());
  const server = await startServer(config, logger);
  return {
    server,
    graph,
    css,
    config,
    async quiet(timeoutMs = 8000) {
      const { metrics, pipeline } = server;
      const gauge = async (metric: { get(): Promise<{ values: Array<{ value: number }> }> }) =>
        (await metric.get()).values.reduce((sum, { value }) => sum + value, 0);
      const busy = async () =>
        (await gauge(metrics.activeLanes)) + (await gauge(metrics.effectsInFlight)) + (await gauge(metrics.effectsQueued)) +
        (await pipeline.queueStats()).depth;
      // Twice in a row, a poll apart: an outcome being handed from the runner to the lane is never missed.
      let quietPolls = 0;
      await eventually(async () => (quietPolls = (await busy()) === 0 ? quietPolls + 1 : 0) >= 2, timeoutMs, 20);
    },
    post(body, postOptions = {}) {
      const raw = typeof body === 'string' ? body : toWire(body);
      const headers: Record<string, string> = { 'content-type': postOptions.contentType ?? 'application/json' };
      const signature = postOptions.signature === undefined ? signBody(raw, TEST_SECRET) : postOptions.signature;
      if (signature !== null) headers['x-hub-signature-256'] = signature;
      if (postOptions.requestId) headers['x-request-id'] = postOptions.requestId;
      return fetch(`${server.url}/webhook`, { method: 'POST', headers, body: raw });
    },
    async close() {
      await server.close();
      await Promise.all([graph.close(), css.close()]);
      if (options.store === 'redis' && !options.keepKeys) await deleteKeys(keyPrefix);
    },
  };
}

/** Removes every key a test wrote under its prefix. */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
