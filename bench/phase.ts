/**
 * One measured phase: send a set of prepared webhooks (closed or open loop), wait for every reply they
 * must cause, and summarise ack latency, end-to-end latency and where the time went meanwhile. A phase can
 * be measured in several runs (interleaved with another server's, so both see the same machine load) and
 * summarised as one. Every phase of `run.ts` goes through here, so they are all measured the same way.
 */

import { countFailures, runClosedLoop, runOpenLoop, type LoadResult } from './load-generator.js';
import type { ReplyCheck, ReplyTracker } from './reply-tracker.js';
import { perSecond, round, summarize, type LatencySummary } from './stats.js';
import type { BenchMessage } from './webhooks.js';

/** Counters read before and after a run; their differences say where the run's time went. */
export interface ResourceReading {
  /** CPU seconds used so far by the server under test (all threads), this bench process and Redis. */
  readonly server: number;
  readonly bench: number;
  readonly redis: number;
  /** The server's JavaScript thread: seconds on a CPU, and seconds runnable but kept off one by other processes. */
  readonly serverThreadRunning: number;
  readonly serverThreadWaiting: number;
  /** Commands executed by Redis and socket reads it made (every client, so other work on that Redis adds noise). */
  readonly redisCalls: number;
  readonly redisReads: number;
  /** Calls by command (`evalsha`, `xadd`, …). */
  readonly redisCommands: Readonly<Record<string, number>>;
}

const COUNTERS = ['server', 'bench', 'redis', 'serverThreadRunning', 'serverThreadWaiting', 'redisCalls', 'redisReads'] as const;
type Counter = (typeof COUNTERS)[number];

function difference(after: ResourceReading, before: ResourceReading): ResourceReading {
  const counters = Object.fromEntries(COUNTERS.map((key) => [key, after[key] - before[key]])) as Record<Counter, number>;
  const redisCommands = Object.fromEntries(
    Object.entries(after.redisCommands).map(([command, calls]) => [command, calls - (before.redisCommands[command] ?? 0)]),
  );
  return { ...counters, redisCommands };
}

export type ResourceClock = () => Promise<ResourceReading>;

export type Pace = { readonly kind: 'closed'; readonly concurrency: number } | { readonly kind: 'open'; readonly rate: number; readonly maxInFlight: number };

export interface PhaseSpec {
  readonly name: string;
  readonly port: number;
  readonly messages: readonly BenchMessage[];
  readonly pace: Pace;
  /** The replies each message must get, in order; none for the baseline, which sends nothing. */
  readonly replies: readonly ReplyCheck[];
  readonly tracker: ReplyTracker;
  readonly clock: ResourceClock;
  /** A run fails when no expected reply arrives for this long. */
  readonly stallMs: number;
}

/** The raw figures of one run, kept until the phase's runs are summarised together. */
export interface PhaseRun {
  readonly messages: number;
  readonly ackLatencies: ArrayLike<number>;
  readonly e2eLatencies: readonly number[] | undefined;
  /** First POST → last 200, and first POST → last reply (or last 200 when no reply is expected). */
  readonly ackSpanMs: number;
  readonly wallMs: number;
  readonly used: ResourceReading;
}

export interface PhaseResult {
  readonly name: string;
  readonly messages: number;
  readonly pace: Pace;
  /** Webhook POST → 200. Throughput over the time from each run's first POST to its last 200. */
  readonly ack: { readonly perSecond: number; readonly latencyMs: LatencySummary };
  /** Webhook POST → last expected reply at the Graph stand-in; throughput from first POST to last reply. */
  readonly endToEnd?: { readonly answeredPerSecond: number; readonly latencyMs: LatencySummary };
  readonly wallSeconds: number;
  /** Average cores busy (CPU seconds / wall seconds). */
  readonly coresBusy: { readonly server: number; readonly bench: number; readonly redis: number };
  /**
   * Shares of the wall time for the server's JavaScript thread: running, runnable but waiting for a CPU
   * (machine contention), and the rest, idle (waiting for I/O: Redis, HTTP).
   */
  readonly serverThread: { readonly running: number; readonly waitingForCpu: number; readonly idle: number };
  /**
   * Redis commands per webhook, and Redis socket reads per webhook (about the round trips that carried them,
   * auto-pipelining folding several into one); anything else using that Redis meanwhile adds to both.
   */
  readonly redisCallsPerMessage: number;
  readonly redisReadsPerMessage: number;
  /** The ten commands called most, per webhook. */
  readonly redisCommandsPerMessage: Readonly<Record<string, number>>;
  /**
   * The server's CPU milliseconds per webhook, all threads and its JavaScript thread alone: the second bounds
   * what one process can answer (1000 / it messages/s) on a core of its own, whatever the machine's load.
   */
  readonly serverCpuMsPerMessage: { readonly allThreads: number; readonly jsThread: number };
}

function send(spec: PhaseSpec): Promise<LoadResult> {
  const target = { port: spec.port, path: '/webhook' };
  const requests = spec.messages.map((m) => m.request);
  const beforeSend = (index: number, startedAt: number): void => {
    const message = spec.messages[index];
    if (spec.replies.length > 0 && message) spec.tracker.expect(message.phoneNumberId, message.phone, spec.replies, startedAt);
  };
  return spec.pace.kind === 'closed'
    ? runClosedLoop(target, requests, spec.pace.concurrency, beforeSend)
    : runOpenLoop(target, requests, spec.pace.rate, spec.pace.maxInFlight, beforeSend);
}

/** Runs once; throws when a webhook is not acknowledged with 200, or a reply is missing, extra or wrong. */
export async function measure(spec: PhaseSpec): Promise<PhaseRun> {
  spec.tracker.reset();
  const before = await spec.clock();
  const load = await send(spec);
  const { failed, sample } = countFailures(load);
  if (failed > 0) throw new Error(`${spec.name}: ${failed} of ${spec.messages.length} webhooks not acknowledged with 200 (${sample})`);
  const expectsReplies = spec.replies.length > 0;
  if (expectsReplies) await spec.tracker.waitForAll(spec.stallMs);
  const after = await spec.clock();
  const lastAnsweredAt = spec.tracker.totals().lastAnsweredAt;
  // Late extra replies would land in the next run's count; give them a moment to show up here.
  if (expectsReplies) await new Promise((resolve) => setTimeout(resolve, 200));
  const { unexpected, wrong } = spec.tracker.totals();
  if (unexpected > 0 || wrong > 0) {
    throw new Error(`${spec.name}: ${unexpected} unexpected and ${wrong} wrong replies ${spec.tracker.wrongSamples.join('; ')}`);
  }
  const used = difference(after, before);
  return {
    messages: spec.messages.length,
    ackLatencies: load.latencies,
    e2eLatencies: expectsReplies ? [...spec.tracker.answeredLatencies()] : undefined,
    ackSpanMs: load.endedAt - load.startedAt,
    wallMs: (expectsReplies ? lastAnsweredAt : load.endedAt) - load.startedAt,
    used,
  };
}

/**
 * One phase's figures from its runs: latencies pooled, throughputs as all messages over the summed spans.
 *
 * @example
 * const ack = summarizeRuns('ack', pace, [await measure(spec1), await measure(spec2)]);
 */
export function summarizeRuns(name: string, pace: Pace, runs: readonly PhaseRun[]): PhaseResult {
  const sum = (pick: (run: PhaseRun) => number): number => runs.reduce((total, run) => total + pick(run), 0);
  const messages = sum((run) => run.messages);
  const wallMs = sum((run) => run.wallMs);
  const share = (key: Counter): number => round(sum((run) => run.used[key]) / (wallMs / 1000));
  const running = share('serverThreadRunning');
  const waitingForCpu = share('serverThreadWaiting');
  const e2e = runs.every((run) => run.e2eLatencies) ? runs.flatMap((run) => run.e2eLatencies ?? []) : undefined;
  return {
    name,
    messages,
    pace,
    ack: { perSecond: perSecond(messages, sum((run) => run.ackSpanMs)), latencyMs: summarize(runs.flatMap((run) => Array.from(run.ackLatencies))) },
    ...(e2e ? { endToEnd: { answeredPerSecond: perSecond(e2e.length, wallMs), latencyMs: summarize(e2e) } } : {}),
    wallSeconds: round(wallMs / 1000),
    coresBusy: { server: share('server'), bench: share('bench'), redis: share('redis') },
    serverThread: { running, waitingForCpu, idle: round(Math.max(0, 1 - running - waitingForCpu)) },
    redisCallsPerMessage: round(sum((run) => run.used.redisCalls) / messages, 1),
    redisReadsPerMessage: round(sum((run) => run.used.redisReads) / messages, 1),
    redisCommandsPerMessage: topCommands(runs, messages),
    serverCpuMsPerMessage: {
      allThreads: round((sum((run) => run.used.server) * 1000) / messages, 3),
      jsThread: round((sum((run) => run.used.serverThreadRunning) * 1000) / messages, 3),
    },
  };
}

function topCommands(runs: readonly PhaseRun[], messages: number): Record<string, number> {
  const calls = new Map<string, number>();
  for (const run of runs) for (const [command, n] of Object.entries(run.used.redisCommands)) calls.set(command, (calls.get(command) ?? 0) + n);
  const top = [...calls].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 10);
  return Object.fromEntries(top.map(([command, n]) => [command, round(n / messages, 1)]));
}

/** Measures a phase in one run. */
export async function runPhase(spec: PhaseSpec): Promise<PhaseResult> {
  return summarizeRuns(spec.name, spec.pace, [await measure(spec)]);
}
