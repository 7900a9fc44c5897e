/**
 * Naming what made the machine fail while exploring: a user event its actions or guards choke on, or an
 * invoked actor's outcome it does not handle (an actor failure without `onError` stops the conversation).
 */

import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { Finding } from './problem.js';
import { activeNodes, nodePath, valuePath } from './state-nodes.js';

/** `user.text "bonjour"`, `user.choice "menu"`, or the event type. */
export function describeEvent(event: EventObject): string {
  const { text, id } = event as { text?: unknown; id?: unknown };
  const detail = typeof text === 'string' ? text : typeof id === 'string' ? id : undefined;
  return detail === undefined ? event.type : `${event.type} "${detail}"`;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The finding for an actor outcome (`xstate.done.actor.<id>` / `xstate.error.actor.<id>`), if `event` is one. */
function outcomeFailure(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject, reason: string): Finding | undefined {
  const outcome = /^xstate\.(done|error)\.actor\.(.+)$/.exec(event.type);
  if (!outcome) return undefined;
  for (const node of activeNodes(machine, snapshot.value)) {
    const index = node.invoke.findIndex((invoke) => invoke.id === outcome[2]);
    if (index < 0) continue;
    const invoke = node.invoke[index];
    const name = typeof invoke?.src === 'string' ? invoke.src : outcome[2];
    const handler = outcome[1] === 'done' ? 'onDone' : 'onError';
    const field = `${node.invoke.length > 1 ? `invoke[${index}]` : 'invoke'}.${handler}`;
    const what = outcome[1] === 'done' ? `the result of actor "${name}"` : `a failure of actor "${name}"`;
    const message = node.transitions.has(event.type)
      ? `${what} makes the machine fail: ${reason}`
      : `${what} is not handled: add ${handler}, or the conversation stops with an error (${reason})`;
    return { state: nodePath(node), field, message };
  }
  return undefined;
}

/**
 * What to tell the designer when `event`, sent in `snapshot`, made the machine throw or end in error.
 *
 * @example
 * failureOf(machine, snapshot, { type: 'user.text', text: 'menu', at: 0 }, new Error('boom'));
 * // { state: 'idle', field: 'on["user.text"]', message: 'user.text "menu" makes the machine fail: boom' }
 */
export function failureOf(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject, error: unknown): Finding {
  const reason = reasonOf(error);
  return (
    outcomeFailure(machine, snapshot, event, reason) ?? {
      state: valuePath(snapshot.value),
      field: `on["${event.type}"]`,
      message: `${describeEvent(event)} makes the machine fail: ${reason}`,
    }
  );
}
