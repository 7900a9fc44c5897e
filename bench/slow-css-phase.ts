/**
 * The slow-CSS phase (issue 9): users ask questions that the CSS API takes seconds to answer, as its language model
 * does in production. Measured on the project and, in the same run, on the usual small bot that answers each webhook
 * inside its own request thread (`baselines/thread-per-request-bot.py`): reply latency after the question, and the
 * project's peak of CSS calls in flight and memory while they wait.
 */

import type { ServerChild } from './child-process.js';
import { runPhase, type PhaseResult, type PhaseSpec } from './phase.js';

/** Marks the questions the CSS stand-in answers slowly. */
export const SLOW_QUESTION = 'Quand ma pension sera-t-elle versée ? (réponse lente)';

export interface SlowCssResult {
  readonly project: PhaseResult;
  readonly threadPerRequest: PhaseResult;
  /** Highest `wa_effects_in_flight` seen on the project's /metrics (sampled every 100 ms). */
  readonly peakCallsInFlight: number;
  /** The project's RSS when the phase began, and its highest while the calls waited. */
  readonly rssBytes: { readonly before: number; readonly peak: number };
}

/** Sum of a gauge's series in a Prometheus text page. */
function gaugeSum(page: string, name: string): number {
  return page
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}


/** Runs the phase on the project, sampling its calls in flight and memory, then on the thread-per-request bot. */
export async function runSlowCssPhase(project: ServerChild, projectSpec: PhaseSpec, baselineSpec: PhaseSpec): Promise<SlowCssResult> {
  let peakCallsInFlight = 0;
  const before = project.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, project.rss());
    void fetch(`http://127.0.0.1:${project.port}/metrics`)
      .then((response) => response.text())
      .then((page) => (peakCallsInFlight = Math.max(peakCallsInFlight, gaugeSum(page, 'wa_effects_in_flight'))))
      .catch(() => undefined);
  }, 100);
  let result: PhaseResult;
  try {
    result = await runPhase(projectSpec);
  } finally {
    clearInterval(sampler);
  }
  const threadPerRequest = await runPhase(baselineSpec);
  return { project: result, threadPerRequest, peakCallsInFlight, rssBytes: { before, peak } };
}
