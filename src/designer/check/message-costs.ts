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

/** A cause and the messages it has cost so far, carried by the snapshots until the machine settles. */
export interface Chain {
  readonly cause: Cause;
  readonly spent: number;
}

/** The key telling chains apart in the exploration (a busy snapshot reached by two causes is explored for each). */
export const chainKey = (chain: Chain | undefined): string => (chain ? `${chain.cause.state}\u0000${describeEvent(chain.cause.event)}\u0000${chain.spent}` : '');

const isOutcome = (event: EventObject): boolean => /^xstate\.(done|error)\.actor\./.test(event.type);

/** One step as the cost rules see it. */
export interface CostStep {
  /** The state the event arrived in, as the check prints it. */
  readonly state: string;
  readonly event: EventObject;
  /** Whether the snapshot the event arrived in was settled (no effect pending). */
  readonly fromSettled: boolean;
  /** The chain the snapshot carried, if it was not settled. */
  readonly current: Chain | undefined;
  /** Messages the step sent. */
  readonly sent: number;
  readonly nextSettled: boolean;
}

/** Collects the most messages each cause costs. */
export class CostLog {
  private readonly costs = new Map<string, TurnCost>();

  /**
   * Accounts for one step: a user message (or a timer) in a settled state starts a chain, an effect's outcome adds to
   * it, and the chain is noted once the machine settles. A message (or timer) while an effect is pending costs its own
   * replies only: the pending answer stays its asker's. Returns the chain the next snapshot carries.
   */
  step({ state, event, fromSettled, current, sent, nextSettled }: CostStep): Chain | undefined {
    const carried = (chain: Chain | undefined): Chain | undefined => {
      if (!nextSettled) return chain;
      this.note(chain);
      return undefined;
    };
    if (isOutcome(event)) return carried(current && { cause: current.cause, spent: current.spent + sent });
    const cause: Cause = { state, event, kind: event.type.startsWith('user.') ? 'user' : 'timer' };
    if (fromSettled) return carried({ cause, spent: sent });
    this.note({ cause, spent: sent }, true);
    return carried(current);
  }

  list(): TurnCost[] {
    return [...this.costs.values()];
  }

  private note(chain: Chain | undefined, whileBusy = false): void {
    if (chain === undefined) return;
    const { cause, spent } = chain;
    const key = `${chainKey({ cause, spent: 0 })}\u0000${whileBusy}`;
    const seen = this.costs.get(key);
    if (seen && seen.messages >= spent) return;
    const { state, event, kind } = cause;
    this.costs.set(key, { state, eventType: event.type, event: describeEvent(event), kind, messages: spent, whileBusy });
  }
}
