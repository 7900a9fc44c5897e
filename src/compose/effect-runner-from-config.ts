import pLimit from 'p-limit';
import { createHttpClient } from '../adapters/http/create-http-client.js';
import type { Config } from '../config/config.js';
import { EffectRunner, type RunnableEffect } from '../engine/effects/effect-runner.js';
import type { TypingTiming } from '../engine/typing-indicator.js';
import type { AnyEffectDefinition, ApiName } from '../effects/effect-definition.js';
import { effects } from '../effects/index.js';
import type { Logger } from '../observability/logger.js';
import { instrumentHttp } from '../observability/instrument-http.js';
import type { Metrics } from '../observability/metrics.js';
import type { AgentLinks } from '../ports/agent-links.js';
import type { EffectJournal } from '../ports/effect-journal.js';
import type { ReadReceipts } from '../ports/read-receipts.js';

/** Chatwoot calls one process has in flight at once: a self-hosted Chatwoot is a small server. */
const CHATWOOT_CONCURRENCY = 16;

/** One effect's function, as the runner calls it. */
export type EffectRun = NonNullable<RunnableEffect['run']>;

/**
 * The effect runner of a process: one client per outside API, with as many kept-alive sockets as the API's
 * concurrency cap allows calls (sockets, not lanes, are what bounds calls in flight), and every registered effect.
 */
export function effectRunnerFromConfig(
  config: Config,
  deps: {
    readonly journal: EffectJournal;
    readonly metrics: Metrics;
    readonly logger: Logger;
    readonly receipts?: ReadReceipts;
    readonly typing?: TypingTiming;
    /** Where citizens' pseudonyms lead back to their conversations (agents' replies). */
    readonly agentLinks?: AgentLinks;
    /** Wraps each effect's function (`npm run chat --watch` remembers answers to replay a session). */
    readonly wrap?: (name: string, run: EffectRun) => EffectRun;
  },
  /** The effects to run: the registry (`src/effects/index.ts`). */
  registered: readonly AnyEffectDefinition[] = effects,
): EffectRunner {
  const css = createHttpClient({
    baseURL: config.cssApiUrl, timeoutMs: config.cssApiTimeoutMs, maxSockets: config.cssApiConcurrency, transport: config.httpTransport,
  });
  instrumentHttp(css, deps.metrics.cssSeconds);
  const chatwoot = config.chatwoot
    ? createHttpClient({
        baseURL: `${config.chatwoot.url}/api/v1/accounts/${config.chatwoot.accountId}`,
        timeoutMs: config.chatwoot.timeoutMs,
        headers: { api_access_token: config.chatwoot.apiToken },
        maxSockets: CHATWOOT_CONCURRENCY,
        transport: config.httpTransport,
      })
    : undefined;
  const apis: Record<ApiName, { limit: ReturnType<typeof pLimit>; timeoutMs: number }> = {
    css: { limit: pLimit(config.cssApiConcurrency), timeoutMs: config.cssApiTimeoutMs },
    // A forward is a few calls (contact, conversation, messages), each with its own timeout and a retry or two.
    chatwoot: { limit: pLimit(CHATWOOT_CONCURRENCY), timeoutMs: (config.chatwoot?.timeoutMs ?? 10_000) * 4 },
  };
  const context = { config, http: { css, ...(chatwoot ? { chatwoot } : {}) }, ...(deps.agentLinks ? { agentLinks: deps.agentLinks } : {}) };
  const runnable = new Map<string, RunnableEffect>(
    registered.map((effect) => {
      const api = apis[effect.api];
      const created = effect.create(context) as EffectRun | undefined;
      const run = created && deps.wrap ? deps.wrap(effect.name, created) : created;
      return [effect.name, { limit: api.limit, timeoutMs: api.timeoutMs, ...(run ? { run } : {}) }];
    }),
  );
  return new EffectRunner({
    effects: runnable,
    journal: deps.journal,
    maxInFlight: config.effectsMaxInFlight,
    metrics: deps.metrics,
    logger: deps.logger,
    ...(deps.receipts ? { receipts: deps.receipts } : {}),
    ...(deps.typing ? { typing: deps.typing } : {}),
  });
}
