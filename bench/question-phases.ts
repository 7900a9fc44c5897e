/**
 * Issue 11's phases: questions answered end to end, by the project and by the bare bot (`baselines/bare-bot.ts`) in
 * the same run; questions at a fixed offered rate; the Redis commands one question costs. The project's users are
 * in their session already (greeted in an earlier phase), so a question is answered with one message, as the bare
 * bot's is.
 */

import type { Redis } from 'ioredis';
import type { ServerChild } from './child-process.js';
import { measure, runPhase, summarizeRuns, type Pace, type PhaseResult, type PhaseRun, type PhaseSpec } from './phase.js';
import type { ReplyCheck } from './reply-tracker.js';
import { clientAddresses, countCommandsSent, gcSeconds } from './server-metrics.js';
import type { BenchMessage } from './webhooks.js';

/** Builds a phase's spec for a server (the bench's own `spec`). */
export type SpecFor = (name: string, child: ServerChild, messages: readonly BenchMessage[], pace: Pace, replies: readonly ReplyCheck[]) => PhaseSpec;

/** Another setup of the project, measured in the same alternation (axios' node:http transport). */
export interface AlternateSetup {
  readonly name: string;
  readonly child: ServerChild;
  readonly messages: readonly BenchMessage[];
}

export interface QuestionsVsBare {
  readonly project: PhaseResult;
  readonly bare: PhaseResult;
  /** Project's questions answered per second ÷ the bare bot's. */
  readonly ratio: number;
  /** The other setups' phases, with their questions answered per second ÷ the project's. */
  readonly alternates: ReadonlyArray<{ readonly name: string; readonly phase: PhaseResult; readonly ratioToProject: number }>;
  /** The garbage collector's seconds ÷ the server's CPU seconds, during the project's runs. */
  readonly gcShare: number;
}

/**
 * Project and bare bot (and any alternate setup) take turns in `rounds` slices of their users, so other work on the
 * machine hits them alike.
 *
 * @example
 * await measureQuestionsVsBare({ project, bare, specFor, projectMessages, bareMessages, rounds: 4, pace, projectReplies, bareReplies });
 */
export async function measureQuestionsVsBare(options: {
  readonly project: ServerChild;
  readonly bare: ServerChild;
  readonly specFor: SpecFor;
  readonly projectMessages: readonly BenchMessage[];
  readonly bareMessages: readonly BenchMessage[];
  readonly rounds: number;
  readonly pace: Pace;
  readonly projectReplies: readonly ReplyCheck[];
  readonly bareReplies: readonly ReplyCheck[];
  readonly alternates?: readonly AlternateSetup[];
}): Promise<QuestionsVsBare> {
  const { project, bare, specFor, rounds, pace } = options;
  const slice = Math.ceil(options.projectMessages.length / rounds);
  const projectRuns: PhaseRun[] = [];
  const bareRuns: PhaseRun[] = [];
  const alternates = options.alternates ?? [];
  const alternateRuns = alternates.map((): PhaseRun[] => []);
  let gc = 0;
  for (let from = 0; from < options.projectMessages.length; from += slice) {
    bareRuns.push(await measure(specFor('questions, bare bot', bare, options.bareMessages.slice(from, from + slice), pace, options.bareReplies)));
    const before = await gcSeconds(project.port);
    projectRuns.push(await measure(specFor('questions', project, options.projectMessages.slice(from, from + slice), pace, options.projectReplies)));
    gc += (await gcSeconds(project.port)) - before;
    for (const [i, setup] of alternates.entries()) {
      alternateRuns[i]?.push(await measure(specFor(`questions, ${setup.name}`, setup.child, setup.messages.slice(from, from + slice), pace, options.projectReplies)));
    }
  }
  const summary = summarizeRuns('questions', pace, projectRuns);
  const baseline = summarizeRuns('questions, bare bot', pace, bareRuns);
  const serverSeconds = projectRuns.reduce((sum, run) => sum + run.used.server, 0);
  const answered = (phase: PhaseResult) => phase.endToEnd?.answeredPerSecond ?? 0;
  const ratio = (phase: PhaseResult, to: PhaseResult) => (answered(to) > 0 ? Math.round((answered(phase) / answered(to)) * 1000) / 1000 : 0);
  return {
    project: summary,
    bare: baseline,
    ratio: ratio(summary, baseline),
    alternates: alternates.map((setup, i) => {
      const phase = summarizeRuns(`questions, ${setup.name}`, pace, alternateRuns[i] ?? []);
      return { name: setup.name, phase, ratioToProject: ratio(phase, summary) };
    }),
    gcShare: serverSeconds > 0 ? Math.round((gc / serverSeconds) * 1000) / 1000 : 0,
  };
}

/** Questions offered at a fixed rate (open loop): latency when the project is not saturated. */
export function measureQuestionRate(project: ServerChild, specFor: SpecFor, messages: readonly BenchMessage[], rate: number, replies: readonly ReplyCheck[]): Promise<PhaseResult> {
  return runPhase(specFor(`questions ${rate}/s`, project, messages, { kind: 'open', rate, maxInFlight: 2048 }, replies));
}

/**
 * Redis commands the project sends per question, over a short sample (MONITOR, filtered on its own connections,
 * named `wa-<KEY_PREFIX>`): the commands its scripts run inside Redis are not counted.
 */
export async function measureCommandsSent(options: {
  readonly project: ServerChild;
  readonly redis: Redis;
  readonly monitor: Redis;
  readonly keyPrefix: string;
  readonly specFor: SpecFor;
  readonly messages: readonly BenchMessage[];
  readonly replies: readonly ReplyCheck[];
}): Promise<{ perQuestion: number; byCommand: Record<string, number> }> {
  const addresses = await clientAddresses(options.redis, `wa-${options.keyPrefix}`);
  const spec = options.specFor('command count', options.project, options.messages, { kind: 'closed', concurrency: 16 }, options.replies);
  const counts = await countCommandsSent(options.monitor, addresses, async () => {
    await measure(spec);
    // The last turns complete their tickets after the replies are out: count those commands too.
    const deadline = Date.now() + 5000;
    while ((await options.redis.xlen(`${options.keyPrefix}ready`)) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  const n = options.messages.length;
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const byCommand = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([command, count]) => [command, Math.round((count / n) * 100) / 100]));
  return { perQuestion: Math.round((total / n) * 100) / 100, byCommand };
}
