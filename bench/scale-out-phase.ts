/**
 * Issue 11, point 4: the questions phase again on more than one process (`WORKERS=2`) and on a 3-master Redis Cluster
 * (started here, on loopback ports, as the test suite does), next to the single process of the same run. Users are
 * greeted first, so each question is answered with one message, as in the single-process `questions` phase.
 */

import { startRedisCluster } from '../test/support/redis-cluster.js';
import type { ServerChild } from './child-process.js';
import { measure, runPhase, type Pace, type PhaseResult } from './phase.js';
import type { SpecFor } from './question-phases.js';
import type { ReplyCheck } from './reply-tracker.js';
import type { BenchMessage } from './webhooks.js';

export interface ScaleOutSetup {
  readonly name: string;
  readonly questions: PhaseResult;
  /** Questions answered per second ÷ the single process's, same run. */
  readonly ratioToOneProcess: number;
}

/** Each setup writes to a business number of its own, so its users start fresh conversations. */
export type Setup = 'workers' | 'cluster';

export interface ScaleOutOptions {
  /** Starts the project with these variables added (`WORKERS`, `REDIS_CLUSTER_NODES`); `REDIS_URL` is dropped when `dropRedisUrl`. */
  readonly start: (extraEnv: Record<string, string>, dropRedisUrl: boolean) => Promise<ServerChild>;
  readonly specFor: SpecFor;
  /** The greetings, then the questions, of one setup's users (a business number of its own per setup). */
  readonly messagesFor: (setup: Setup) => { greetings: BenchMessage[]; questions: BenchMessage[] };
  readonly pace: Pace;
  readonly welcome: readonly ReplyCheck[];
  readonly answer: readonly ReplyCheck[];
  /** The single process's questions phase of this run. */
  readonly oneProcess: PhaseResult;
  /** Clears the Graph stand-in's record between phases. */
  readonly resetGraph: () => void;
}

async function measureSetup(options: ScaleOutOptions, name: string, setup: Setup, child: ServerChild): Promise<ScaleOutSetup> {
  const { greetings, questions } = options.messagesFor(setup);
  let phase: PhaseResult;
  try {
    // The greetings start the sessions and warm this process up (JIT, connections), as the single process's were.
    await measure(options.specFor(`${name}: greetings`, child, greetings, options.pace, options.welcome));
    options.resetGraph();
    phase = await runPhase(options.specFor(`questions, ${name}`, child, questions, options.pace, options.answer));
    options.resetGraph();
  } catch (error) {
    await child.stop();
    throw error;
  }
  const exit = await child.stop();
  if (exit !== '0') throw new Error(`${name}: the server did not stop cleanly on SIGTERM (exit ${exit})`);
  const one = options.oneProcess.endToEnd?.answeredPerSecond ?? 0;
  const answered = phase.endToEnd?.answeredPerSecond ?? 0;
  return { name, questions: phase, ratioToOneProcess: one > 0 ? Math.round((answered / one) * 1000) / 1000 : 0 };
}

/** `WORKERS=2` on the run's Redis, then one process on a fresh 3-master Redis Cluster. */
export async function measureScaleOut(options: ScaleOutOptions): Promise<ScaleOutSetup[]> {
  const setups = [await measureSetup(options, 'WORKERS=2', 'workers', await options.start({ WORKERS: '2' }, false))];
  const cluster = await startRedisCluster();
  try {
    setups.push(await measureSetup(options, '3-master cluster', 'cluster', await options.start({ REDIS_CLUSTER_NODES: cluster.nodes }, true)));
  } finally {
    await cluster.stop();
  }
  return setups;
}
