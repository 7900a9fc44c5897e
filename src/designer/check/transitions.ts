/**
 * Naming and classifying the transitions XState chooses: where a transition is written in the config (so a
 * problem can point at it), its guard's name, and whether it is a catch-all the designer declared deliberate.
 */

import type { AnyMachineSnapshot, AnyStateMachine, AnyTransitionDefinition, EventObject } from 'xstate';
import { nodePath } from './state-nodes.js';

/**
 * Where a transition is written in its state's config: `on["user.choice"][5]`, `always`, `invoke.onDone[1]`…
 *
 * @example
 * transitionField(transition); // 'on["user.choice"][5]'
 */
export function transitionField(transition: AnyTransitionDefinition): string {
  const { source, eventType } = transition;
  const siblings = eventType === '' ? (source.always ?? []) : (source.transitions.get(eventType) ?? []);
  const index = siblings.indexOf(transition);
  const configured = eventType === '' ? undefined : (source.config.on as Readonly<Record<string, unknown>> | undefined)?.[eventType];
  const suffix = (siblings.length > 1 || Array.isArray(configured)) && index >= 0 ? `[${index}]` : '';
  const outcome = /^xstate\.(done|error)\.actor\./.exec(eventType);
  if (outcome) return `invoke.${outcome[1] === 'done' ? 'onDone' : 'onError'}${suffix}`;
  if (eventType === '') return `always${suffix}`;
  return `on["${eventType}"]${suffix}`;
}

/** `state › on["user.text"][4]`, to name a transition inside a message. */
export function transitionPlace(transition: AnyTransitionDefinition): string {
  return `${nodePath(transition.source)} › ${transitionField(transition)}`;
}

/** The guard's name (`isMenuCommand`), or undefined for a transition without one. */
export function guardName(transition: AnyTransitionDefinition): string | undefined {
  const { guard } = transition;
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  const type = (guard as { type?: unknown }).type;
  if (typeof type === 'string') return type;
  return typeof guard === 'function' && guard.name ? guard.name : 'inline guard';
}

const declared = (meta: unknown): boolean => {
  const value = (meta as { catchAll?: unknown } | undefined)?.catchAll;
  return value !== undefined && value !== false;
};

/**
 * Whether the designer said this transition (or every transition of its state) deliberately takes what
 * nothing else handles: `meta: { catchAll: 'why' }` on the transition or on its state. The check then does
 * not report what it takes.
 *
 * @example
 * on: { 'user.text': { actions: 'rememberAnswer', meta: { catchAll: 'every text here is the answer' } } }
 */
export function isDeliberateCatchAll(transition: AnyTransitionDefinition): boolean {
  return declared((transition as { meta?: unknown }).meta) || declared(transition.source.meta);
}

/**
 * The transitions the machine would choose for `event` in `snapshot` (guards evaluated), or none when
 * choosing them fails.
 */
export function chosenTransitions(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): AnyTransitionDefinition[] {
  try {
    return machine.getTransitionData(snapshot, event);
  } catch {
    return [];
  }
}

/** Whether two choices are the same transitions, in the same order. */
export function sameTransitions(a: readonly AnyTransitionDefinition[], b: readonly AnyTransitionDefinition[]): boolean {
  return a.length === b.length && a.every((transition, i) => transition === b[i]);
}
