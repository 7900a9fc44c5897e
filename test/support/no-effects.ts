import type { EffectRunner } from '../../src/engine/effects/effect-runner.js';
import { EffectRunner as Runner } from '../../src/engine/effects/effect-runner.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import type { Inbox } from '../../src/ports/conversation-pipeline.js';
import type { EffectJournal } from '../../src/ports/effect-journal.js';

/**
 * The effect side of a worker whose machines invoke no effect: its pipeline's journal and a runner with none
 * registered. Spread into `new ConversationWorker({ ... })`.
 *
 * @example
 * new ConversationWorker({ source: pipeline, ...withoutEffects(pipeline), concurrency: 4, … });
 */
export function withoutEffects(
  pipeline: Inbox & { readonly effects: EffectJournal },
  metrics: Metrics = createMetrics(),
): { inbox: Inbox; journal: EffectJournal; runner: EffectRunner } {
  const runner = new Runner({ effects: new Map(), journal: pipeline.effects, maxInFlight: 10, metrics, logger: silentLogger() });
  return { inbox: pipeline, journal: pipeline.effects, runner };
}
