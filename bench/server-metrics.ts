/**
 * Reading a server under test through its own `GET /metrics` (Prometheus text), and its Redis connections through
 * `CLIENT LIST`: what the bench learns from outside, as an operator would.
 */

import type { Redis } from 'ioredis';

/** The sum of a metric's series in a Prometheus text page (e.g. `nodejs_gc_duration_seconds_sum`). */
export function metricSum(page: string, name: string): number {
  let sum = 0;
  for (const line of page.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** The server's metrics page. */
export async function metricsPage(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

/** Seconds the server's garbage collector ran so far (prom-client's `nodejs_gc_duration_seconds`). */
export async function gcSeconds(port: number): Promise<number> {
  return metricSum(await metricsPage(port), 'nodejs_gc_duration_seconds_sum');
}

/** The addresses (`ip:port`) of the Redis connections named `name` (the project names its own `wa-<KEY_PREFIX>`). */
export async function clientAddresses(redis: Redis, name: string): Promise<Set<string>> {
  const list = (await redis.call('CLIENT', 'LIST')) as string;
  return new Set(
    list
      .split('\n')
      .map((line) => Object.fromEntries(line.split(' ').map((field) => field.split('=') as [string, string])))
      .filter((client) => client.name === name && client.addr)
      .map((client) => client.addr as string),
  );
}

/**
 * Counts the commands the connections at `addresses` send while `act` runs (MONITOR; the commands a script runs
 * inside Redis are not counted, nor those of any other client). MONITOR slows Redis down: only for a short sample.
 */
export async function countCommandsSent(monitorClient: Redis, addresses: ReadonlySet<string>, act: () => Promise<void>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const feed = await monitorClient.monitor();
  feed.on('monitor', (_time: string, args: unknown[], source: string) => {
    if (!addresses.has(source)) return;
    const command = String(args[0]).toLowerCase();
    counts.set(command, (counts.get(command) ?? 0) + 1);
  });
  try {
    await act();
  } finally {
    feed.disconnect();
  }
  return counts;
}
