/**
 * The bench's output: one table for people and the same figures as JSON for tools and for comparing runs
 * (`bench/results/latest.json`, overwritten by every run).
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import type { PhaseResult } from './phase.js';
import type { ConversationBytes } from './redis-probe.js';
import type { RssGrowth } from './rss-phase.js';
import type { SlowCssResult } from './slow-css-phase.js';

export interface Target {
  readonly name: string;
  readonly goal: string;
  readonly measured: string;
  readonly met: boolean;
}

export interface BenchResults {
  readonly finishedAt: string;
  readonly machine: { readonly cpus: number; readonly loadAverage: readonly number[]; readonly node: string; readonly redis: string };
  readonly settings: Record<string, number | string | boolean>;
  readonly baseline: PhaseResult;
  readonly phases: readonly PhaseResult[];
  readonly ackRatioToBaseline: number;
  readonly serverMemory: { readonly rssPeakBytes: number; readonly vmHwmBytes: number };
  readonly redisPerConversation: {
    /** MEMORY USAGE of every key under the prefix after the ack phase, over all conversations then idle. */
    readonly memoryUsage: ConversationBytes;
    /** INFO used_memory across the ack phase, over that phase's conversations. */
    readonly usedMemoryDeltaBytes: number;
    readonly conversations: number;
  };
  readonly targets: readonly Target[];
  readonly serverProblems: readonly string[];
  /** The slow-CSS phase, when it ran (its two runs are also among `phases`). */
  readonly slowCss?: SlowCssResult;
  /** The question phases (their runs are also among `phases`): the ratio to the bare bot, GC share, commands sent. */
  readonly questions?: {
    readonly ratio: number;
    readonly gcShare: number;
    readonly commandsSent: { readonly perQuestion: number; readonly byCommand: Readonly<Record<string, number>> };
    /** Other transports under axios, taking turns with the project: questions answered per second ÷ the project's. */
    readonly transports?: ReadonlyArray<{ readonly name: string; readonly ratioToProject: number }>;
  };
  /** RSS after the first 10,000 users and after all of them. */
  readonly rss?: RssGrowth;
  /** Questions answered per second on `WORKERS=2` and on a Redis Cluster, as a ratio to the single process's. */
  readonly scaleOut?: ReadonlyArray<{ readonly name: string; readonly ratioToOneProcess: number }>;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const pct = (share: number): string => `${Math.round(share * 100)}%`;

function pace(phase: PhaseResult): string {
  return phase.pace.kind === 'closed' ? `closed loop, ${phase.pace.concurrency} in flight` : `open loop, ${phase.pace.rate}/s offered`;
}

function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  const line = (row: readonly string[]): string => row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ');
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/**
 * The targets for this machine against the figures measured: ack ≥ 0.5 × baseline, ≥ 1,500 messages/s
 * answered end to end (phase `e2e max`), end-to-end p99 ≤ 100 ms at the offered rate (phase `e2e <rate>/s`).
 */
export function judgeTargets(r: Omit<BenchResults, 'targets'>, rate: number): Target[] {
  const answered = r.phases.find((p) => p.name === 'e2e max')?.endToEnd?.answeredPerSecond ?? 0;
  const p99 = r.phases.find((p) => p.name === `e2e ${rate}/s`)?.endToEnd?.latencyMs.p99 ?? Infinity;
  const slow = r.slowCss?.project.endToEnd?.latencyMs.p99;
  const questions = r.phases.find((p) => p.name === 'questions');
  const atRate = r.phases.find((p) => p.name.startsWith('questions ') && p.name.endsWith('/s'));
  const q = r.questions;
  return [
    { name: 'ack vs baseline', goal: '≥ 0.70 ×', measured: `${r.ackRatioToBaseline.toFixed(3)} ×`, met: r.ackRatioToBaseline >= 0.7 },
    { name: 'greetings answered end to end', goal: '≥ 1500 msg/s', measured: `${answered} msg/s`, met: answered >= 1500 },
    { name: `greetings e2e p99 at ${rate}/s`, goal: '≤ 100 ms', measured: `${p99.toFixed(1)} ms`, met: p99 <= 100 },
    ...(q && questions
      ? [
          { name: 'questions vs bare bot', goal: '≥ 0.50 ×', measured: `${q.ratio.toFixed(3)} ×`, met: q.ratio >= 0.5 },
          { name: 'Redis commands sent per question', goal: '≤ 20', measured: String(q.commandsSent.perQuestion), met: q.commandsSent.perQuestion <= 20 },
          {
            name: 'server CPU per question',
            goal: '≤ 0.8 ms',
            measured: `${questions.serverCpuMsPerMessage.allThreads.toFixed(2)} ms`,
            met: questions.serverCpuMsPerMessage.allThreads <= 0.8,
          },
        ]
      : []),
    ...(atRate?.endToEnd
      ? [{ name: `${atRate.name.replace('questions ', 'questions p99 at ')}`, goal: '≤ 50 ms', measured: `${atRate.endToEnd.latencyMs.p99.toFixed(1)} ms`, met: atRate.endToEnd.latencyMs.p99 <= 50 }]
      : []),
    ...(r.rss
      ? [{ name: `RSS ${r.rss.firstUsers} → ${r.rss.totalUsers} users`, goal: 'flat (≤ 1.10 ×)', measured: `${r.rss.growth.toFixed(3)} ×`, met: r.rss.growth <= 1.1 }]
      : []),
    ...(slow === undefined ? [] : [{ name: 'slow CSS reply p99', goal: '≤ 4500 ms', measured: `${slow.toFixed(0)} ms`, met: slow <= 4500 }]),
  ];
}

/** The report as printed at the end of `npm run bench`. */
export function formatReport(r: BenchResults): string {
  const rows: string[][] = [['phase', 'load', 'msgs', 'ack/s', 'ack p50', 'ack p99', 'answered/s', 'e2e p50', 'e2e p99', 'cores srv/bench/redis', 'srv JS thread run/cpu-wait/idle', 'srv CPU ms/msg (JS)', 'redis cmds (reads)/msg']];
  for (const phase of [r.baseline, ...r.phases]) {
    rows.push([
      phase.name, pace(phase), String(phase.messages), String(phase.ack.perSecond), ms(phase.ack.latencyMs.p50), ms(phase.ack.latencyMs.p99),
      phase.endToEnd ? String(phase.endToEnd.answeredPerSecond) : '—',
      phase.endToEnd ? ms(phase.endToEnd.latencyMs.p50) : '—',
      phase.endToEnd ? ms(phase.endToEnd.latencyMs.p99) : '—',
      `${phase.coresBusy.server} / ${phase.coresBusy.bench} / ${phase.coresBusy.redis}`,
      `${pct(phase.serverThread.running)} / ${pct(phase.serverThread.waitingForCpu)} / ${pct(phase.serverThread.idle)}`,
      `${phase.serverCpuMsPerMessage.allThreads.toFixed(2)} (${phase.serverCpuMsPerMessage.jsThread.toFixed(2)})`,
      `${phase.redisCallsPerMessage} (${phase.redisReadsPerMessage})`,
    ]);
  }
  const usage = r.redisPerConversation.memoryUsage;
  const kinds = Object.entries(usage.byKind)
    .map(([kind, k]) => `${kind} ${k.bytesPerConversation} B${k.transient ? ' (expires ≤ 5 min)' : ''}`)
    .join(', ');
  const lines = [
    '',
    `bench: ${r.machine.cpus} CPUs (1-min load average ${r.machine.loadAverage.join(' → ')}), node ${r.machine.node}, redis ${r.machine.redis}`,
    '',
    table(rows),
    '',
    `ack throughput / baseline      ${r.ackRatioToBaseline.toFixed(2)} (${r.phases[0]?.ack.perSecond ?? 0} / ${r.baseline.ack.perSecond} req/s)`,
    `server peak RSS                ${mb(r.serverMemory.rssPeakBytes)} sampled every 50 ms (VmHWM ${mb(r.serverMemory.vmHwmBytes)})`,
    `Redis bytes per conversation   ${usage.bytesPerConversation} B lasting + ${usage.transientBytesPerConversation} B expiring within 5 min, ` +
      `by MEMORY USAGE of every key over ${usage.conversations} idle conversations:`,
    `                               ${kinds}`,
    `                               ${Math.round(r.redisPerConversation.usedMemoryDeltaBytes / r.redisPerConversation.conversations)} B by INFO used_memory ` +
      `delta across the ack phase, ${r.redisPerConversation.conversations} conversations (shared Redis: noisy)`,
    ...r.phases.slice(1, 2).map((p) => `Redis calls per message (${p.name})  ` +
      Object.entries(p.redisCommandsPerMessage).map(([command, n]) => `${command} ${n}`).join(', ')),
    ...(r.slowCss ? slowCssLines(r.slowCss) : []),
    ...(r.questions
      ? [
          `questions: ${r.questions.ratio.toFixed(2)} × the bare bot; garbage collector ${pct(r.questions.gcShare)} of the server's CPU; ` +
            `Redis commands sent per question ${r.questions.commandsSent.perQuestion} (` +
            Object.entries(r.questions.commandsSent.byCommand).map(([command, n]) => `${command} ${n}`).join(', ') + ')',
        ]
      : []),
    ...(r.questions?.transports ?? []).map((setup) => `questions with ${setup.name}: ${setup.ratioToProject.toFixed(2)} × the project over undici, taking turns in the same run`),
    ...(r.scaleOut ?? []).map((setup) => `questions on ${setup.name}: ${setup.ratioToOneProcess.toFixed(2)} × one process on one Redis, same run`),
    ...(r.rss ? [`RSS with many users: ${mb(r.rss.rssAfterFirst)} after ${r.rss.firstUsers}, ${mb(r.rss.rssAfterAll)} after ${r.rss.totalUsers}`] : []),
    '',
    table([['target', 'goal', 'measured', ''], ...r.targets.map((t) => [t.name, t.goal, t.measured, t.met ? 'met' : 'MISSED'])]),
  ];
  const worst = Math.max(...[r.baseline, ...r.phases].map((p) => p.serverThread.waitingForCpu));
  if (worst > 0.15) {
    lines.push('', `warning: the machine was busy: other processes kept a server's JS thread waiting for a CPU up to ${pct(worst)} ` +
      `of a phase (column cpu-wait, load average ${r.machine.loadAverage.join(' → ')}); throughput and latency are understated.`);
  }
  if (r.serverProblems.length > 0) lines.push('', 'server warnings/errors (first ones):', ...r.serverProblems.map((p) => `  ${p}`));
  return lines.join('\n');
}

/** The slow-CSS phase next to its thread-per-request baseline. */
function slowCssLines(slow: SlowCssResult): string[] {
  const latency = (phase: PhaseResult) => phase.endToEnd?.latencyMs ?? { p50: 0, p99: 0 };
  const [own, base] = [latency(slow.project), latency(slow.threadPerRequest)];
  return [
    `slow CSS: reply after question  p50 ${ms(own.p50)}, p99 ${ms(own.p99)}; thread-per-request bot, same run: p50 ${ms(base.p50)}, ` +
      `p99 ${ms(base.p99)} (p99 ratio ${(own.p99 / (base.p99 || 1)).toFixed(2)})`,
    `                                peak CSS calls in flight ${slow.peakCallsInFlight}; RSS ${mb(slow.rssBytes.before)} → peak ${mb(slow.rssBytes.peak)}`,
  ];
}

/** Writes the results as JSON into `dir` as `latest.json`, replacing the previous run's; returns the path. */
export function writeResults(dir: URL, results: BenchResults): string {
  mkdirSync(dir, { recursive: true });
  const file = new URL('latest.json', dir);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file.pathname;
}
