import type { EffectCall } from '../../domain/effect-call.js';
import type { InboundMessage } from '../../domain/inbound.js';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import type { ConversationLease, StoredConversation, UserMemory } from '../../ports/conversation-pipeline.js';
import { runTurn, stateName } from '../run-turn.js';
import { toOutbox } from '../to-outbox.js';
import { toUserEvent } from '../to-user-event.js';
import { commitTurn } from './commit-turn.js';
import type { LaneDeps } from './lane-deps.js';
import { conversationLocale, reportTurn, type TurnReport } from './report-turn.js';
import { startTyping } from '../typing-indicator.js';
import { countHandoffStart } from './handoff-metrics.js';

const DEFAULT_FLOOD_NOTICE =
  'Vous avez envoyé beaucoup de messages en peu de temps : je n’ai pas lu les derniers. Attendez une minute, puis renvoyez votre question.';

/**
 * A user's message: flood control, then the machine (a new session starts with what is remembered of the user), then
 * one commit. A user who writes reopens Meta's 24-hour window.
 */
export async function handleUserMessage(deps: LaneDeps, lease: ConversationLease, message: InboundMessage): Promise<EffectCall[]> {
  const definition = deps.machineFor(message.phoneNumberId);
  const startedAt = Date.now();
  const event = toUserEvent(message);
  const eventName = event?.type ?? `ignored.${message.content.type}`;
  const question = message.content.type === 'text' ? message.content.body : undefined;
  const report = { definition, key: lease.key, event: eventName, startedAt, ...(question === undefined ? {} : { question }) };

  const flood = event && deps.limits ? await deps.limits.admitInbound(lease.key) : 'ok';
  if (flood !== 'ok') {
    // Over the per-user limit: the machine (and the CSS API) are not asked; the user is told once per window.
    reportTurn(deps, { ...report, outcome: 'ignored', state: 'flood' });
    deps.metrics.floodDrops.inc();
    const notice = flood === 'first-excess' ? [{ type: 'text' as const, text: definition.floodNotice ?? DEFAULT_FLOOD_NOTICE }] : [];
    await lease.commit({ inputId: message.wamid, outbox: toOutbox(message, notice, 'flood', definition.id) });
    return [];
  }
  // A slow turn shows "typing…" (effects, such as a CSS call, do the same on their own while they run).
  const stopTyping = event ? startTyping(deps.receipts, deps.logger, message, deps.typing ?? { delayMs: 0 }) : () => {};
  try {
    return await runMachine(deps, lease, message, definition, report);
  } finally {
    stopTyping();
  }
}

async function runMachine(
  deps: LaneDeps,
  lease: ConversationLease,
  message: InboundMessage,
  definition: MachineDefinition,
  report: Omit<TurnReport, 'outcome' | 'state'>,
): Promise<EffectCall[]> {
  const event = toUserEvent(message);
  const stored = await lease.load();
  if (!event) {
    // Reactions never move a conversation.
    reportTurn(deps, { ...report, outcome: 'ignored', state: stateOf(stored) });
    await lease.commit({ inputId: message.wamid, outbox: [] });
    return [];
  }
  const memory = stored ? undefined : await lease.memory();
  const result = await runTurn(definition, stored, event, deps.settleTimeoutMs, {
    ...(deps.inspection ? { inspection: { actorId: deps.inspection.actorId(lease.key), inspect: deps.inspection.inspect } } : {}),
    ...(memory ? { returning: memory } : {}),
    ...(deps.startLocale ? { locale: deps.startLocale } : {}),
  });
  // A conversation that could not be resumed is told so before it starts again.
  const notice = stored && result.restartReason && definition.restartNotice;
  const replies = notice ? [{ type: 'text' as const, text: notice }, ...result.replies] : result.replies;
  // Written afresh by runTurn, without `windowClosed`: the user wrote, so the window is open again.
  const conversation = { ...result.conversation, contact: { user: message.user, phoneNumberId: message.phoneNumberId } };
  const calls = await commitTurn(deps, lease, message, {
    conversation,
    replies,
    state: result.state,
    effects: result.effects,
    cause: message.wamid,
    ...(deps.keepsMemory ? { memory: memoryOf(definition, conversation) } : {}),
  });
  const locale = conversationLocale(definition, conversation.snapshot);
  const outcome = result.restartReason ? 'restarted' : result.timedOut ? 'timed_out' : 'ok';
  reportTurn(deps, { ...report, outcome, state: result.state, replies, ...(locale === undefined ? {} : { locale }) });
  countHandoffStart(deps.metrics, stateOf(stored), result.state);
  if (result.restartReason) {
    deps.logger.warn({ conversation: deps.pseudonym(lease.key), reason: result.restartReason }, 'conversation restarted at the beginning');
  }
  return calls;
}

/** What outlives the session: now, and what the machine chooses to keep of its context. */
function memoryOf(definition: MachineDefinition, conversation: StoredConversation): UserMemory {
  const context = (conversation.snapshot as { context?: unknown } | null)?.context;
  return { lastSeenAt: Date.now(), remembered: definition.remember?.(context) ?? {} };
}

export function stateOf(stored: StoredConversation | undefined): string {
  const value = (stored?.snapshot as { value?: unknown } | undefined)?.value;
  return value === undefined ? 'none' : stateName(value);
}
