import type { EffectCall } from '../../domain/effect-call.js';
import type { InboundMessage } from '../../domain/inbound.js';
import type { AgentActivity, DeliveryFailed, EffectSettled, LaneInput, TimerDue } from '../../domain/lane-input.js';
import type { ConversationLease } from '../../ports/conversation-pipeline.js';
import { ConversationError } from '../run-turn.js';
import { handleAgentActivity } from './agent-activity.js';
import { handleDeliveryFailed } from './delivery-failed.js';
import { handleEffectSettled } from './effect-settled.js';
import type { LaneDeps } from './lane-deps.js';
import { reportTurn } from './report-turn.js';
import { handleTimerDue } from './timer-due.js';
import { handleUserMessage } from './user-message.js';

/**
 * The one way into a conversation: each input of the lane, whatever its kind, becomes one turn (load → machine →
 * one atomic commit). Returns the effect calls the turn started, to be run now that they are recorded.
 *
 * A machine that fails leaves the stored conversation untouched (nothing is written back) and the input is consumed,
 * so a poison message cannot block the user's lane.
 */
export async function handleInput(deps: LaneDeps, lease: ConversationLease, input: LaneInput): Promise<EffectCall[]> {
  const stopTimer = deps.metrics.turnSeconds.startTimer();
  try {
    const calls = await dispatch(deps, lease, input);
    // Guarded: the pseudonym is a keyed hash, not worth computing for a line that is not written.
    if (deps.logger.isLevelEnabled('debug')) {
      const fields = { conversation: deps.pseudonym(lease.key), traceId: input.traceId, wamid: input.wamid, input: input.content.type, effects: calls.length };
      deps.logger.debug(fields, 'turn done');
    }
    return calls;
  } catch (error) {
    if (!(error instanceof ConversationError)) throw error;
    const definition = deps.machineFor(input.phoneNumberId);
    reportTurn(deps, { definition, key: lease.key, event: input.content.type, outcome: 'failed', state: error.state, startedAt: Date.now() });
    deps.logger.error(
      { conversation: deps.pseudonym(lease.key), traceId: input.traceId, wamid: input.wamid, state: error.state, err: error.cause },
      `conversation error: ${error.message}`,
    );
    await lease.commit({ inputId: input.wamid, outbox: [] });
    return [];
  } finally {
    stopTimer();
  }
}

function dispatch(deps: LaneDeps, lease: ConversationLease, input: LaneInput): Promise<EffectCall[]> {
  switch (input.content.type) {
    case 'timer':
      return handleTimerDue(deps, lease, input as TimerDue);
    case 'delivery-failed':
      return handleDeliveryFailed(deps, lease, input as DeliveryFailed);
    case 'effect-settled':
      return handleEffectSettled(deps, lease, input as EffectSettled);
    case 'agent':
      return handleAgentActivity(deps, lease, input as AgentActivity);
    default:
      return handleUserMessage(deps, lease, input as InboundMessage);
  }
}
