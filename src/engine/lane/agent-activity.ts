import type { EffectCall } from '../../domain/effect-call.js';
import type { AgentActivity } from '../../domain/lane-input.js';
import type { ConversationLease, StoredConversation } from '../../ports/conversation-pipeline.js';
import { runTurn } from '../run-turn.js';
import { toOutbox } from '../to-outbox.js';
import { commitTurn } from './commit-turn.js';
import type { LaneDeps } from './lane-deps.js';
import { countAgentAct } from './handoff-metrics.js';
import { NOT_DELIVERED, noteToAgents } from './note-to-agents.js';
import { reportTurn } from './report-turn.js';
import { stateOf } from './user-message.js';

export { NOT_DELIVERED } from './note-to-agents.js';

/** Meta's customer service window: past it since the user's last message, only templates may be sent. */
export const CUSTOMER_WINDOW_MS = 24 * 3600 * 1000;

/**
 * An agent's act, in the citizen's lane, in order with their messages. A reply is delivered through the outbox like
 * the bot's own, when Meta's 24-hour window allows; otherwise nothing goes to WhatsApp and the agents get a private
 * note saying why (the `noteToAgent` effect). A resolve hands the citizen back to the machine's way back (the
 * machine hears `agent.resolved`); with no session left there is nothing to hand back.
 */
export async function handleAgentActivity(deps: LaneDeps, lease: ConversationLease, input: AgentActivity): Promise<EffectCall[]> {
  const definition = deps.machineFor(input.phoneNumberId);
  const startedAt = Date.now();
  const { event } = input.content;
  const stored = await lease.load();
  const current = stored?.machineId === definition.id && stored.version === definition.version ? stored : undefined;
  const report = { definition, key: lease.key, event: event.type, startedAt };

  if (event.type === 'agent.message') {
    const refusal = await whyUndeliverable(lease, current, startedAt);
    if (refusal) {
      deps.metrics.agentRepliesUndelivered.inc({ reason: refusal });
      reportTurn(deps, { ...report, outcome: 'ignored', state: stateOf(stored) });
      return noteAgents(deps, lease, input, NOT_DELIVERED[refusal]);
    }
  }
  if (!current && event.type === 'agent.message') {
    // The session ended (idle past SESSION_TTL_SECONDS) but the window is open: the reply still reaches the citizen,
    // as a plain message; their next message starts a new session.
    reportTurn(deps, { ...report, outcome: 'ok', state: stateOf(stored), replies: [{ type: 'text', text: event.text }] });
    await lease.commit({ inputId: input.wamid, outbox: toOutbox(input, [{ type: 'text', text: event.text }], 'agent') });
    return [];
  }
  const result = current ? await runTurn(definition, current, event, deps.settleTimeoutMs) : undefined;
  if (!current || !result || result.restartReason) {
    reportTurn(deps, { ...report, outcome: 'ignored', state: stateOf(stored) });
    await lease.commit({ inputId: input.wamid, outbox: [] });
    return [];
  }
  const calls = await commitTurn(deps, lease, input, { conversation: result.conversation, replies: result.replies, state: result.state, effects: result.effects });
  reportTurn(deps, { ...report, outcome: 'ok', state: result.state, replies: result.replies });
  countAgentAct(deps.metrics, event.type, current, stateOf(current), result.state, startedAt);
  return calls;
}

/** Why an agent's reply cannot reach the citizen now, if it cannot. */
async function whyUndeliverable(lease: ConversationLease, current: StoredConversation | undefined, now: number): Promise<'window' | 'gone' | undefined> {
  if (current?.windowClosed) return 'window';
  const lastHeard = lastHeardAt(current) ?? (await lease.memory())?.lastSeenAt;
  if (lastHeard !== undefined && now - lastHeard > CUSTOMER_WINDOW_MS) return 'window';
  // Neither a session nor a memory of the user (USER_MEMORY_DAYS=0): when they last wrote is unknown.
  return lastHeard === undefined ? 'gone' : undefined;
}

/** When the user last wrote, as the machine's activity records it (the kit's `lastActivityAt`). */
function lastHeardAt(conversation: StoredConversation | undefined): number | undefined {
  const context = (conversation?.snapshot as { context?: { lastActivityAt?: unknown } } | undefined)?.context;
  return typeof context?.lastActivityAt === 'number' ? context.lastActivityAt : undefined;
}

/** Records a private note for the agents, run outside the lane like any effect; the conversation is left as it is. */
async function noteAgents(deps: LaneDeps, lease: ConversationLease, input: AgentActivity, text: string): Promise<EffectCall[]> {
  const startedAt = Date.now();
  const note = noteToAgents(input.content.conversationId, text);
  const call: EffectCall = {
    ...note,
    conversation: { user: input.user, phoneNumberId: input.phoneNumberId },
    startedAt,
    ...(input.traceId === undefined ? {} : { traceId: input.traceId }),
  };
  await lease.commit({ inputId: input.wamid, outbox: [], effects: [{ call, claimedUntil: deps.claimEffectUntil(call.effect, startedAt) }] });
  return [call];
}
