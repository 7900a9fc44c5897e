import type { EffectCall } from '../../domain/effect-call.js';
import type { DeliveryFailed } from '../../domain/lane-input.js';
import type { ConversationLease } from '../../ports/conversation-pipeline.js';
import { runTurn } from '../run-turn.js';
import { WINDOW_CLOSED } from '../send-outbox.js';
import { commitTurn } from './commit-turn.js';
import type { LaneDeps } from './lane-deps.js';
import { handoffOf } from './handoff-metrics.js';
import { NOT_DELIVERED, noteToAgents } from './note-to-agents.js';
import { reportTurn } from './report-turn.js';
import { stateOf } from './user-message.js';

/**
 * Meta could not deliver a reply, as a status webhook reported or as the Graph API answered the send itself (both
 * arrive here, through the lane): the machine hears `whatsapp.delivery_failed` (most ignore it), and for 131047 the
 * conversation is marked so that nothing more is sent until the user writes again.
 */
export async function handleDeliveryFailed(deps: LaneDeps, lease: ConversationLease, input: DeliveryFailed): Promise<EffectCall[]> {
  const definition = deps.machineFor(input.phoneNumberId);
  const startedAt = Date.now();
  const stored = await lease.load();
  const result = stored && (await runTurn(definition, stored, { type: 'whatsapp.delivery_failed', code: input.content.code }, deps.settleTimeoutMs));
  if (!stored || !result || result.restartReason) {
    reportTurn(deps, { definition, key: lease.key, event: 'whatsapp.delivery_failed', outcome: 'ignored', state: stateOf(stored), startedAt });
    await lease.commit({ inputId: input.wamid, outbox: [] });
    return [];
  }
  const windowClosed = stored.windowClosed === true || input.content.code === WINDOW_CLOSED;
  const conversation = { ...result.conversation, ...(windowClosed ? { windowClosed } : {}) };
  // What a machine says about a failed delivery would most likely fail too while the window is closed.
  const replies = windowClosed ? [] : result.replies;
  // With an agent: the agents learn, once, that the citizen can no longer be reached (the window closed on them).
  const agents = handoffOf(stored)?.conversationId;
  const note = input.content.code === WINDOW_CLOSED && !stored.windowClosed && agents !== undefined ? [noteToAgents(agents, NOT_DELIVERED.refused)] : [];
  const calls = await commitTurn(deps, lease, input, { conversation, replies, state: result.state, effects: [...result.effects, ...note] });
  reportTurn(deps, { definition, key: lease.key, event: 'whatsapp.delivery_failed', outcome: 'ok', state: result.state, startedAt, replies });
  return calls;
}
