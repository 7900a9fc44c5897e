/**
 * The HTTP load generator: plain `node:http` with a keep-alive agent, so the bench measures the server and
 * not a client library. Two modes: closed loop (a fixed number of requests in flight, as fast as the server
 * answers: throughput) and open loop (requests started on a fixed schedule whatever the server does: latency
 * at a given offered rate, measured from the scheduled start so a stalled server cannot hide its queue).
 */

import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One prepared POST: the exact bytes and headers to send. */
export interface PreparedRequest {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** What one run of requests gave. Latencies are in milliseconds, indexed like the requests. */
export interface LoadResult {
  readonly latencies: Float64Array;
  /** Status code per request; 0 for a network error. */
  readonly statuses: Uint16Array;
  /** `performance.now()` when the first request started and the last response ended. */
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface LoadTarget {
  readonly port: number;
  readonly path: string;
}

/**
 * Called just before request `index` is written, with its start time: the end-to-end tracker registers the
 * reply it expects here, because the reply can reach the Graph stand-in before the webhook's 200 comes back.
 */
export type BeforeSend = (index: number, startedAt: number) => void;

function postOnce(agent: http.Agent, target: LoadTarget, request: PreparedRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent, host: '127.0.0.1', port: target.port, path: target.path, method: 'POST',
        headers: { ...request.headers, 'content-length': String(request.body.length) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(request.body);
  });
}

function emptyResult(n: number): { latencies: Float64Array; statuses: Uint16Array } {
  return { latencies: new Float64Array(n), statuses: new Uint16Array(n) };
}

/**
 * Sends every request with at most `concurrency` in flight, each worker taking the next one as soon as its
 * previous answer arrives.
 *
 * @example
 * const result = await runClosedLoop({ port, path: '/webhook' }, requests, 64);
 */
export async function runClosedLoop(
  target: LoadTarget, requests: readonly PreparedRequest[], concurrency: number, beforeSend?: BeforeSend,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const out = emptyResult(requests.length);
  let next = 0;
  const startedAt = performance.now();
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index];
      if (!request) break;
      const start = performance.now();
      beforeSend?.(index, start);
      out.statuses[index] = await postOnce(agent, target, request);
      out.latencies[index] = performance.now() - start;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  const endedAt = performance.now();
  agent.destroy();
  return { ...out, startedAt, endedAt };
}

/**
 * Starts request `i` at `i / ratePerSecond` seconds after the start, whatever is still in flight (up to
 * `maxInFlight` sockets; beyond that the agent queues and the wait counts in the latency).
 *
 * @example
 * const result = await runOpenLoop({ port, path: '/webhook' }, requests, 500, 256, tracker.beforeSend);
 */
export async function runOpenLoop(
  target: LoadTarget, requests: readonly PreparedRequest[], ratePerSecond: number, maxInFlight: number, beforeSend?: BeforeSend,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight });
  const out = emptyResult(requests.length);
  const startedAt = performance.now();
  const intervalMs = 1000 / ratePerSecond;
  const inFlight: Array<Promise<void>> = [];
  let index = 0;
  while (index < requests.length) {
    const now = performance.now();
    // Start every request whose time has come; the latency clock starts at its scheduled time.
    while (index < requests.length && startedAt + index * intervalMs <= now) {
      const i = index++;
      const scheduled = startedAt + i * intervalMs;
      beforeSend?.(i, scheduled);
      inFlight.push(
        postOnce(agent, target, requests[i] as PreparedRequest).then((status) => {
          out.statuses[i] = status;
          out.latencies[i] = performance.now() - scheduled;
        }),
      );
    }
    const wait = startedAt + index * intervalMs - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(wait, 5))));
  }
  await Promise.all(inFlight);
  const endedAt = performance.now();
  agent.destroy();
  return { ...out, startedAt, endedAt };
}

/** How many requests did not get `expected` (default 200), and the first few status codes seen. */
export function countFailures(result: LoadResult, expected = 200): { failed: number; sample: string } {
  const seen = new Map<number, number>();
  let failed = 0;
  for (const status of result.statuses) {
    if (status === expected) continue;
    failed += 1;
    seen.set(status, (seen.get(status) ?? 0) + 1);
  }
  return { failed, sample: [...seen].map(([status, n]) => `${status === 0 ? 'network error' : status}×${n}`).join(', ') };
}
