/**
 * The test stand of the durability suite: loopback Graph and CSS stand-ins, a key prefix of its own, and
 * real server processes spawned against a real Redis (the shared one, or one the test started itself).
 */

import { randomUUID } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { startCssStandIn, type CssAnswerFn, type CssStandIn } from '../support/css-stand-in.js';
import { startGraphStandIn, type GraphStandIn, type GraphStandInOptions } from '../support/graph-stand-in.js';
import { killAllServers, spawnServer, type SpawnedServer } from '../support/spawn-server.js';

/** The app secret every spawned server checks signatures with. */
export const SECRET = 'durability-app-secret';
/** The shared Redis: used only under a prefix of our own, never stopped. */
export const SHARED_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Where the spawned servers keep their state. */
export type StoreEnv = { REDIS_URL: string } | { REDIS_CLUSTER_NODES: string };

/** A running stand: stand-ins, the store's client, and the servers spawned on it. */
export interface Stand {
  readonly graph: GraphStandIn;
  readonly css: CssStandIn;
  readonly keyPrefix: string;
  /** A client on the same store, for looking at what the servers wrote. */
  readonly redis: Redis | Cluster;
  /** Every server spawned on this stand, oldest first (dead ones included). */
  readonly servers: SpawnedServer[];
  /** Spawns one more server on this stand (`extra` overrides or adds variables). */
  spawn(extra?: Record<string, string>): Promise<SpawnedServer>;
  /** Number of work tickets not yet completed (stale ones are completed late, through reclaim). */
  openTickets(): Promise<number>;
  /**
   * Conversation keys that mean work in progress: an inbox, an outbox or a lease. None left means nothing more
   * can be sent, so duplicates counted then are final.
   */
  busyKeys(): Promise<string[]>;
  /** Kills every server still running, closes the stand-ins and the client, deletes the keys on the shared Redis. */
  close(): Promise<void>;
}

export interface StandOptions {
  /** Default: the shared Redis (its keys are deleted by `close()`). */
  readonly store?: StoreEnv;
  readonly css?: CssAnswerFn;
  /** How the Graph stand-in answers (default: Meta's usual 200), e.g. a hook on one exact send. */
  readonly graph?: GraphStandInOptions;
}

/**
 * Starts the stand-ins; servers are spawned with `stand.spawn()`. Call `close()` in afterAll/afterEach.
 *
 * @example
 * const stand = await startStand({ css: deterministicCss });
 * const [a, b] = await Promise.all([stand.spawn(), stand.spawn()]);
 */
export async function startStand(options: StandOptions = {}): Promise<Stand> {
  const graph = await startGraphStandIn(options.graph);
  const css = await startCssStandIn(options.css);
  const keyPrefix = `dur:${randomUUID().slice(0, 8)}:`;
  const store = options.store ?? { REDIS_URL: SHARED_REDIS_URL };
  const shared = 'REDIS_URL' in store && store.REDIS_URL === SHARED_REDIS_URL;
  const redis =
    'REDIS_URL' in store
      ? new Redis(store.REDIS_URL, { maxRetriesPerRequest: 1 })
      : new Cluster(store.REDIS_CLUSTER_NODES.split(',').map((node) => {
          const [host = '127.0.0.1', port = '0'] = node.split(':');
          return { host, port: Number(port) };
        }));
  // Connection errors while a test has stopped its own Redis are expected; commands still reject.
  redis.on('error', () => undefined);
  const base = {
    ...store,
    KEY_PREFIX: keyPrefix,
    WHATSAPP_TOKEN: 'durability-token',
    WHATSAPP_APP_SECRET: SECRET,
    WEBHOOK_VERIFY_TOKEN: 'durability-verify',
    WHATSAPP_API_URL: graph.baseUrl,
    CSS_API_URL: css.url,
    // Pacing and flood control are not under test here: generous limits keep the scenarios about durability.
    OUTBOUND_PER_SECOND: '10000',
    PAIR_BURST: '1000',
    INBOUND_PER_MINUTE: '10000',
  };
  const servers: SpawnedServer[] = [];
  return {
    graph,
    css,
    keyPrefix,
    redis,
    servers,
    async spawn(extra = {}) {
      const server = await spawnServer({ ...base, ...extra });
      servers.push(server);
      return server;
    },
    openTickets: () => redis.xlen(`${keyPrefix}ready`),
    async busyKeys() {
      const clients = redis instanceof Cluster ? redis.nodes('master') : [redis];
      if (clients.length === 0) throw new Error('the cluster client knows no master yet');
      const found = await Promise.all(clients.map((client) => client.keys(`${keyPrefix}{*}:*`)));
      return found.flat().filter((key) => /:(in|out|lease)$/.test(key));
    },
    async close() {
      await killAllServers();
      await Promise.allSettled([graph.close(), css.close()]);
      try {
        if (shared && redis instanceof Redis) {
          const keys = await redis.keys(`${keyPrefix}*`);
          if (keys.length > 0) await redis.del(...keys);
        }
      } finally {
        redis.disconnect();
      }
    },
  };
}

/**
 * Sum of one Prometheus counter's series, optionally only those whose labels contain `filter`, read from the
 * process's `GET /metrics`: which process did the work, as an operator would see it.
 */
export async function metricSum(server: SpawnedServer, name: string, filter = ''): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) && line.includes(filter))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** The status of `GET /readyz` (0 when the process does not answer at all). */
export async function readyz(server: SpawnedServer): Promise<number> {
  return (await fetch(`${server.url}/readyz`).catch(() => undefined))?.status ?? 0;
}

/**
 * The error-level lines a server logged, as `msg: err.message`: in a scenario where nothing fails, any of them
 * is a finding, and it explains a stall better than a timeout does.
 */
export function serverErrors(server: SpawnedServer): string[] {
  return server.logs.flatMap((line) => {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      return (entry.level ?? 0) >= 50 ? [`${entry.msg ?? ''}: ${entry.err?.message ?? ''}`] : [];
    } catch {
      return line.trim() === '' ? [] : [line];
    }
  });
}
