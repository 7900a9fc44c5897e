import type { EffectCall } from '../../domain/effect-call.js';
import type { LaneInput } from '../../domain/lane-input.js';
import type { OutboundMessage } from '../../domain/outbound.js';
import type { ConversationLease, StoredConversation, UserMemory } from '../../ports/conversation-pipeline.js';
import type { DeferredCall } from '../effects/deferred-effect.js';
import { toOutbox } from '../to-outbox.js';
import type { LaneDeps } from './lane-deps.js';

/** What a turn produced, ready to be committed. */
export interface TurnChange {
  readonly conversation: StoredConversation;
  readonly replies: readonly OutboundMessage[];
  readonly state: string;
  readonly effects: readonly DeferredCall[];
  readonly memory?: UserMemory;
  /** The user message behind the effects, marked read while a slow one runs. */
  readonly cause?: string;
}

/**
 * Commits a turn in one step (snapshot, replies, the effect calls it started, the user's memory) and returns the
 * calls to run now that they are recorded.
 */
export async function commitTurn(deps: LaneDeps, lease: ConversationLease, input: LaneInput, change: TurnChange): Promise<EffectCall[]> {
  const startedAt = Date.now();
  const contact = change.conversation.contact ?? { user: input.user, phoneNumberId: input.phoneNumberId };
  const calls: EffectCall[] = change.effects.map((deferred) => ({
    ...deferred,
    conversation: contact,
    startedAt,
    ...(change.cause === undefined ? {} : { cause: change.cause }),
    ...(input.traceId === undefined ? {} : { traceId: input.traceId }),
  }));
  await lease.commit({
    inputId: input.wamid,
    conversation: change.conversation,
    outbox: toOutbox(input, change.replies, change.state, change.conversation.machineId),
    ...(calls.length > 0 ? { effects: calls.map((call) => ({ call, claimedUntil: deps.claimEffectUntil(call.effect, startedAt) })) } : {}),
    ...(change.memory ? { memory: change.memory } : {}),
    ...(withAgent(deps, input, change) ? { sessionTtlSeconds: deps.agentSessionTtlSeconds } : {}),
  });
  return calls;
}

/** Whether the turn leaves the conversation in one of its machine's `agentStates` (a person holds it). */
function withAgent(deps: LaneDeps, input: LaneInput, change: TurnChange): deps is LaneDeps & { agentSessionTtlSeconds: number } {
  if (deps.agentSessionTtlSeconds === undefined) return false;
  const definition = deps.machineFor(input.phoneNumberId);
  const states = definition.id === change.conversation.machineId ? (definition.agentStates ?? []) : [];
  // A parallel state's name lists its regions' states, comma-separated (`dialog.withAgent.quiet,question.ready`).
  return change.state.split(',').some((part) => states.some((state) => part === state || part.startsWith(`${state}.`)));
}
