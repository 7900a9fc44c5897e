/**
 * What each transition costs in messages, counted while the check explores the machine (every message is billed):
 * a user message costs the replies of its transition plus those of the effect outcomes it waits for, until the
 * machine settles; a timer's messages are counted apart, no user asked for them.
 */

import type { EventObject } from 'xstate';
import type { OutboundMessage } from '../../domain/outbound.js';
import { splitAnswer } from '../../domain/split-text.js';
import { WHATSAPP_LIMITS } from '../../domain/whatsapp-limits.js';
import { describeEvent } from './failures.js';

/** What started a chain of transitions: a user message in a state, or a timer. */
export interface Cause {
  readonly state: string;
  readonly event: EventObject;
  readonly kind: 'user' | 'timer';
}

/** The most messages one cause was seen to cost. */
export interface TurnCost {
  /** The state the user message (or timer) arrived in, as the check prints states. */
  readonly state: string;
  readonly eventType: string;
  /** The event as the check prints it: `user.text "menu"`. */
  readonly event: string;
  readonly kind: 'user' | 'timer';
  readonly messages: number;
  /** Sent while an effect was pending (its answer is counted with the message that started it). */
  readonly whileBusy: boolean;
}

/**
 * Messages the user receives for `message`: a text longer than an answer part goes out as several (see `toOutbox`).
 *
 * @example
 * messagesIn({ type: 'text', text: 'Bonjour' }) // 1
 */
export function messagesIn(message: OutboundMessage): number {
  return message.type === 'text' && message.text.length > WHATSAPP_LIMITS.answerPart
    ? splitAnswer(message.text, WHATSAPP_LIMITS.answerPart).length
    : 1;
}

/** The key telling causes apart in the exploration (a busy snapshot reached by two causes is explored for each). */
export const causeKey = (cause: Cause | undefined): string => (cause ? `${cause.state}\u0000${describeEvent(cause.event)}` : '');

/**
 * The cause of `event` sent to a snapshot in `state` whose chain was started by `current`: a user message starts a
 * chain, an effect's outcome continues it, any other event (a delay) is a timer.
 */
export function causeOf(state: string, event: EventObject, current: Cause | undefined): Cause | undefined {
  if (event.type.startsWith('user.')) return { state, event, kind: 'user' };
  if (/^xstate\.(done|error)\.actor\./.test(event.type)) return current;
  return { state, event, kind: 'timer' };
}

/** Collects the most messages each cause costs. */
export class CostLog {
  private readonly costs = new Map<string, TurnCost>();

  /** `cause` was seen to cost `messages`. */
  note(cause: Cause | undefined, messages: readonly OutboundMessage[], whileBusy = false): void {
    if (cause === undefined) return;
    const count = messages.reduce((sum, message) => sum + messagesIn(message), 0);
    const key = `${causeKey(cause)}\u0000${whileBusy}`;
    const seen = this.costs.get(key);
    if (seen && seen.messages >= count) return;
    const { state, event, kind } = cause;
    this.costs.set(key, { state, eventType: event.type, event: describeEvent(event), kind, messages: count, whileBusy });
  }

  list(): TurnCost[] {
    return [...this.costs.values()];
  }
}
