import type { AgentEvent } from './conversation.js';
import type { EffectOutcome } from './effect-call.js';
import type { InboundMessage, UserRef } from './inbound.js';

/**
 * Everything that enters a conversation's lane, in order, one at a time: a user's message, a machine timer that
 * fell due, Meta's report that a reply could not be delivered, and the outcome of an effect (a CSS call) the
 * machine started. They share one envelope, so the pipelines store, deduplicate and order them alike; the engine
 * has one small handler per kind.
 */

/** Who a conversation is with: enough to reach its lane and to reply. */
export interface ConversationRef {
  readonly user: UserRef;
  readonly phoneNumberId: string;
}

/** What every lane input carries besides its content. */
interface LaneEnvelope extends ConversationRef {
  /** The unit of deduplication: Meta's wamid for a message, `timer:…`, `failed:…` or `effect:…` for the runtime's own. */
  readonly wamid: string;
  /** Unix seconds. */
  readonly timestamp: number;
  /** The webhook delivery that caused it, for the logs. */
  readonly traceId?: string;
}

/** A machine's delayed event (`after`) fell due; the runtime keeps delays that XState does not persist. */
export interface TimerDue extends LaneEnvelope {
  readonly content: { readonly type: 'timer'; readonly dueAt: number };
}

/** Meta could not deliver one of our replies (`code` 131047: the 24-hour window is closed). */
export interface DeliveryFailed extends LaneEnvelope {
  readonly content: { readonly type: 'delivery-failed'; readonly code: number; readonly failedWamid: string };
}

/** An effect the machine invoked has settled, on whichever process ran it. */
export interface EffectSettled extends LaneEnvelope {
  readonly content: {
    readonly type: 'effect-settled';
    readonly callId: string;
    /** The invoke's id in the machine (`xstate.done.actor.<actorId>`). */
    readonly actorId: string;
    readonly effect: string;
    /** When the turn that invoked it committed (ms): the wait the user had. */
    readonly startedAt: number;
    readonly outcome: EffectOutcome;
  };
}

/** An agent acted in the agents' inbox (Chatwoot): a reply for the citizen, or the conversation resolved. */
export interface AgentActivity extends LaneEnvelope {
  readonly content: {
    readonly type: 'agent';
    readonly event: AgentEvent;
    /** The agents' conversation (Chatwoot's display id), for a private note back when a reply cannot be delivered. */
    readonly conversationId: number;
  };
}

export type LaneInput = InboundMessage | TimerDue | DeliveryFailed | EffectSettled | AgentActivity;

/** The runtime's own inputs, as opposed to what a user sent. */
export type RuntimeInput = TimerDue | DeliveryFailed | EffectSettled | AgentActivity;

export function isRuntimeInput(input: LaneInput): input is RuntimeInput {
  const { type } = input.content;
  return type === 'timer' || type === 'delivery-failed' || type === 'effect-settled' || type === 'agent';
}

const envelope = (to: ConversationRef, wamid: string, at: number) => ({
  wamid,
  user: to.user,
  phoneNumberId: to.phoneNumberId,
  timestamp: Math.floor(at / 1000),
});

/**
 * Delivers due timers through the conversation's own lane, ordered with the user's messages. Its id makes a second
 * firing of the same timer a duplicate.
 */
export function timerDue(to: ConversationRef, dueAt: number): TimerDue {
  return { ...envelope(to, `timer:${dueAt}`, dueAt), content: { type: 'timer', dueAt } };
}

/** Meta's report of an undeliverable reply (a status webhook, or the Graph API refusing the send itself). */
export function deliveryFailed(to: ConversationRef, failedWamid: string, code: number, at = Date.now()): DeliveryFailed {
  return { ...envelope(to, `failed:${failedWamid}`, at), content: { type: 'delivery-failed', code, failedWamid } };
}

/** An effect's outcome; keyed by the call, so a call run twice (after a crash) is applied once. */
export function effectSettled(
  to: ConversationRef,
  call: { readonly callId: string; readonly actorId: string; readonly effect: string; readonly startedAt: number; readonly traceId?: string },
  outcome: EffectOutcome,
  at = Date.now(),
): EffectSettled {
  return {
    ...envelope(to, `effect:${call.callId}`, at),
    ...(call.traceId === undefined ? {} : { traceId: call.traceId }),
    content: { type: 'effect-settled', callId: call.callId, actorId: call.actorId, effect: call.effect, startedAt: call.startedAt, outcome },
  };
}

/**
 * What an agent did, for the citizen's lane. `deliveryId` names the act in the agents' inbox (`message:<id>`,
 * `resolved:<conversation>:<time>`): delivered twice, it is acted on once.
 *
 * @example
 * agentActivity(ref, 'message:992', 123, { type: 'agent.message', text: 'Bonjour' })
 */
export function agentActivity(to: ConversationRef, deliveryId: string, conversationId: number, event: AgentEvent, at = Date.now()): AgentActivity {
  return { ...envelope(to, `chatwoot:${deliveryId}`, at), content: { type: 'agent', event, conversationId } };
}
