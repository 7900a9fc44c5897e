import { MemoryPipeline } from '../adapters/memory/memory-pipeline.js';
import type { Config } from '../config/config.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import { ConversationWorker } from '../engine/conversation-worker.js';
import { effectRunnerFromConfig } from '../compose/effect-runner-from-config.js';
import { inspectionFromConfig } from '../compose/inspection-from-config.js';
import { deferEffects, withSwitches } from '../compose/live-machines.js';
import { createPseudonymizer } from '../observability/pseudonymize.js';
import type { Logger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import { ChatInbound } from './chat-inbound.js';
import type { EffectMemo } from './effect-memo.js';
import { ChatSession } from './chat-session.js';
import { SettlementWatch } from './settlement-watch.js';
import { terminalAgentEffects } from './terminal-agent.js';
import { TerminalMessageSender } from './terminal-message-sender.js';

/** What `npm run chat` is built from. */
export interface ChatOptions {
  readonly definition: MachineDefinition;
  readonly config: Config;
  readonly logger: Logger;
  /** Where the bot's messages and the chat's notices are printed. */
  readonly write: (text: string) => void;
  /** Remembers what the machine's effects answered, to replay a session without asking the CSS API again (watch mode). */
  readonly answers?: EffectMemo;
}

/** A chat wired and running: the session to talk through, and how to stop its worker. */
export interface RunningChat {
  readonly session: ChatSession;
  stop(): Promise<void>;
}

/**
 * The chat's composition root, imitating the server's: the embedded pipeline, the same worker and turn logic,
 * the machine given the real CSS API client (`CSS_API_URL`, `CSS_API_TIMEOUT_MS`), and a sender that prints
 * instead of calling the Graph API. Only the webhook is replaced, by the terminal.
 *
 * @example
 * const chat = await startChat({ definition: machines[defaultMachineId], config, logger, write });
 * await chat.session.say({ type: 'text', body: 'bonjour' });
 */
export async function startChat(options: ChatOptions): Promise<RunningChat> {
  const { config, logger, write } = options;
  const pipeline = new MemoryPipeline({
    sessionTtlSeconds: config.sessionTtlSeconds,
    dedupWindowSeconds: config.dedupWindowSeconds,
  });
  const watch = new SettlementWatch(pipeline, () => pipeline.effects.size);
  const sender = new TerminalMessageSender({ write });
  // The person at the terminal is the agent, always there: the handoff can be tried whatever the configuration.
  const live = withSwitches(
    deferEffects(options.definition, { menuNudge: config.menuNudgeSeconds * 1000, agentNoReply: config.agentReplyTimeoutMs, agentRetry: config.agentRetryMs }),
    { isAgentInboxOn: true, isOutOfAgentHours: false },
  );
  const pseudonym = createPseudonymizer(config.pseudonymKey);
  const inspection = await inspectionFromConfig(config, logger, pseudonym);
  // The answer to a question comes back after the CSS call, bounded by its timeout.
  const settleTimeoutMs = config.cssApiTimeoutMs + 2000;
  const metrics = createMetrics();
  const memo = options.answers;
  const runner = effectRunnerFromConfig(
    config,
    { journal: pipeline.effects, metrics, logger, ...(memo ? { wrap: memo.wrap } : {}) },
    terminalAgentEffects(write),
  );
  const worker = new ConversationWorker({
    source: watch.source,
    inbox: pipeline,
    runner,
    journal: pipeline.effects,
    concurrency: 1,
    machineFor: () => live,
    settleTimeoutMs,
    sender,
    logger,
    metrics,
    pseudonym,
    ...(inspection ? { inspection } : {}),
    // `--lang wo` (or START_LOCALE): the conversation starts in that language.
    ...(config.startLocale ? { startLocale: config.startLocale } : {}),
  });
  worker.start();
  const session = new ChatSession({
    inbox: pipeline,
    store: pipeline,
    watch,
    sender,
    inbound: new ChatInbound(),
    write,
    settleDeadlineMs: settleTimeoutMs + 5000,
  });
  return {
    session,
    async stop() {
      await worker.stop();
      await inspection?.close();
    },
  };
}
