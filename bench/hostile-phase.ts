/**
 * The hostile phase (issue 10, "Done when"): signed acknowledgements measured alone, then again while two floods
 * hit the same server, in the same run: 40 connections trickling a webhook body a byte every 3 s (reopened as the
 * server closes them), and one client posting 4 MiB bodies of nested arrays with a bogus signature, one after
 * another. The target: the p99 of the acknowledgements under the floods within 2 × their p99 alone.
 */

import http from 'node:http';
import { connect, type Socket } from 'node:net';
import { measure, summarizeRuns, type PhaseResult, type PhaseSpec } from './phase.js';
import { round } from './stats.js';
import type { BenchMessage } from './webhooks.js';

const SLOW_SOCKETS = 40;
const DRIP_MS = 3000;
const NESTED_BYTES = 4 * 1024 * 1024;
const TARGET_RATIO = 2;

export interface HostileResult {
  readonly unloaded: PhaseResult;
  readonly underFloods: PhaseResult;
  /** p99 of the acknowledgements under the floods ÷ their p99 alone. */
  readonly p99Ratio: number;
  readonly met: boolean;
  /** What the floods did meanwhile: slow connections opened, nested bodies posted and how they were answered. */
  readonly floods: { readonly slowConnections: number; readonly nestedPosted: number; readonly nestedStatuses: Readonly<Record<string, number>> };
}

/** Keeps `SLOW_SOCKETS` connections trickling an unsigned webhook body; returns how many it opened once stopped. */
function slowBodyFlood(port: number): () => number {
  const open = new Set<Socket>();
  let opened = 0;
  let stopped = false;
  const start = (): void => {
    if (stopped) return;
    opened += 1;
    const socket = connect({ host: '127.0.0.1', port });
    open.add(socket);
    socket.on('error', () => undefined);
    socket.on('connect', () => socket.write('POST /webhook HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{'));
    socket.on('close', () => {
      open.delete(socket);
      start(); // the attacker comes back as soon as it is thrown out
    });
  };
  for (let i = 0; i < SLOW_SOCKETS; i += 1) start();
  const drip = setInterval(() => open.forEach((socket) => socket.write(' ')), DRIP_MS);
  return () => {
    stopped = true;
    clearInterval(drip);
    open.forEach((socket) => socket.destroy());
    return opened;
  };
}

/** Posts 4 MiB of nested arrays with a bogus signature, one request after the other, until stopped. */
function nestedBodyFlood(port: number): () => Promise<{ posted: number; statuses: Record<string, number> }> {
  const half = NESTED_BYTES / 2;
  const body = Buffer.concat([Buffer.alloc(half, '['), Buffer.alloc(half, ']')]);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const statuses: Record<string, number> = {};
  let stopped = false;
  const postOne = (): Promise<void> =>
    new Promise((resolve) => {
      const headers = { 'content-type': 'application/json', 'content-length': String(body.length), 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` };
      const req = http.request({ agent, host: '127.0.0.1', port, path: '/webhook', method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => {
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          resolve();
        });
      });
      req.on('error', () => {
        statuses['error'] = (statuses['error'] ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });
  const loop = (async () => {
    let posted = 0;
    while (!stopped) {
      await postOne();
      posted += 1;
    }
    return posted;
  })();
  return async () => {
    stopped = true;
    const posted = await loop;
    agent.destroy();
    return { posted, statuses };
  };
}

/**
 * Measures signed acknowledgements alone (`alone`), then under both floods (`underFloods`): two sets of fresh
 * users, so each message gets exactly its welcome.
 *
 * @example
 * const hostile = await measureHostile(project.port, (name, messages) => spec(name, project, messages, closed, [isWelcome]), a, b);
 */
export async function measureHostile(
  port: number,
  spec: (name: string, messages: readonly BenchMessage[]) => PhaseSpec,
  alone: readonly BenchMessage[],
  underFloods: readonly BenchMessage[],
): Promise<HostileResult> {
  const quiet = spec('hostile: alone', alone);
  const unloaded = summarizeRuns(quiet.name, quiet.pace, [await measure(quiet)]);
  const stopSlow = slowBodyFlood(port);
  const stopNested = nestedBodyFlood(port);
  const loaded = await measureUnderFloods(spec('hostile: under floods', underFloods));
  const slowConnections = stopSlow();
  const nested = await stopNested();
  if (loaded instanceof Error) throw loaded;
  const p99Ratio = unloaded.ack.latencyMs.p99 > 0 ? round(loaded.ack.latencyMs.p99 / unloaded.ack.latencyMs.p99) : Infinity;
  return {
    unloaded,
    underFloods: loaded,
    p99Ratio,
    met: p99Ratio <= TARGET_RATIO,
    floods: { slowConnections, nestedPosted: nested.posted, nestedStatuses: nested.statuses },
  };
}

/** The phase under the floods, or its failure as a value, so that the floods are stopped either way. */
async function measureUnderFloods(busy: PhaseSpec): Promise<PhaseResult | Error> {
  try {
    // Let the floods take hold before measuring.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return summarizeRuns(busy.name, busy.pace, [await measure(busy)]);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The lines the bench prints for this phase. */
export function formatHostile(result: HostileResult): string {
  const ack = (phase: PhaseResult): string =>
    `${phase.ack.perSecond} req/s, p50 ${phase.ack.latencyMs.p50} ms, p99 ${phase.ack.latencyMs.p99} ms`;
  return [
    'Hostile phase (issue 10): signed acks alone, then under a slow-body and a nested-body flood',
    `  alone:        ${ack(result.unloaded)}`,
    `  under floods: ${ack(result.underFloods)}`,
    `  floods:       ${result.floods.slowConnections} slow connections opened, ${result.floods.nestedPosted} nested 4 MiB bodies posted ${JSON.stringify(result.floods.nestedStatuses)}`,
    `  p99 ratio:    ${result.p99Ratio} × (target ≤ ${TARGET_RATIO} ×): ${result.met ? 'met' : 'MISSED'}`,
  ].join('\n');
}
