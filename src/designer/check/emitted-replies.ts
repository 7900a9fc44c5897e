/** The replies among the actions a pure step returned: what the user receives for that step. */

import type { OutboundMessage } from '../../domain/outbound.js';
import type { PlannedAction } from './pure-step.js';

/** A reply with its JSON, computed once: it keys snapshots and replies. */
export interface Sent {
  readonly message: OutboundMessage;
  readonly json: string;
}

function isReply(value: unknown): value is { type: 'reply'; message: OutboundMessage } {
  if (typeof value !== 'object' || value === null) return false;
  const { type, message } = value as { type?: unknown; message?: unknown };
  return type === 'reply' && typeof message === 'object' && message !== null;
}

/**
 * The outbound messages among the actions `transition` returned (`emit` shows up as `xstate.emit`).
 *
 * @example
 * const [next, actions] = stepper.next(snapshot, event);
 * repliesOf(actions).map((sent) => sent.message); // [{ type: 'text', text: 'Bonjour' }]
 */
export function repliesOf(actions: readonly PlannedAction[]): Sent[] {
  return actions.flatMap((action) => {
    const event = action.type === 'xstate.emit' ? (action.params as { event?: unknown } | undefined)?.event : undefined;
    return isReply(event) ? [{ message: event.message, json: JSON.stringify(event.message) }] : [];
  });
}
