import type { InboundMessage } from '../domain/inbound.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Turn } from '../ports/conversation-pipeline.js';
import { ConversationError, runTurn } from './run-turn.js';
import { toOutbox } from './to-outbox.js';
import { toUserEvent } from './to-user-event.js';

export interface HandleMessageDeps {
  /** Which machine answers a business number. */
  readonly machineFor: (phoneNumberId: string) => MachineDefinition;
  readonly settleTimeoutMs: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * One inbound message, one turn: load → run the machine → commit snapshot, outbox and "done" together.
 * A machine that fails leaves the stored conversation untouched (nothing is written back) and the message
 * is consumed, so a poison message cannot block the user's lane.
 */
export async function handleMessage(deps: HandleMessageDeps, turn: Turn, message: InboundMessage): Promise<void> {
  const definition = deps.machineFor(message.phoneNumberId);
  const event = toUserEvent(message);
  if (event === undefined) {
    deps.metrics.turns.inc({ machine: definition.id, outcome: 'ignored' });
    await turn.commit({ wamid: message.wamid, outbox: [] });
    return;
  }
  const stopTimer = deps.metrics.turnSeconds.startTimer();
  try {
    const stored = await turn.load();
    const result = await runTurn(definition, stored, event, deps.settleTimeoutMs);
    // A conversation that could not be resumed is told so before it starts again.
    const notice = stored && result.restartReason && definition.restartNotice;
    const replies = notice ? [{ type: 'text' as const, text: notice }, ...result.replies] : result.replies;
    const outbox = toOutbox(message, replies, result.state);
    await turn.commit({ wamid: message.wamid, conversation: result.conversation, outbox });
    const outcome = result.restartReason ? 'restarted' : result.timedOut ? 'timed_out' : 'ok';
    deps.metrics.turns.inc({ machine: definition.id, outcome });
    if (result.restartReason) {
      deps.logger.warn({ conversation: turn.key, reason: result.restartReason }, 'conversation restarted at the beginning');
    }
    deps.logger.debug({ conversation: turn.key, wamid: message.wamid, state: result.state, replies: outbox.length }, 'turn done');
  } catch (error) {
    if (!(error instanceof ConversationError)) throw error;
    deps.metrics.turns.inc({ machine: definition.id, outcome: 'failed' });
    deps.logger.error(
      { conversation: turn.key, wamid: message.wamid, state: error.state, err: error.cause },
      `conversation error: ${error.message}`,
    );
    await turn.commit({ wamid: message.wamid, outbox: [] });
  } finally {
    stopTimer();
  }
}
