/**
 * States that swallow what the rest of the machine recognises: a catch-all in a state (a transition
 * without a guard on `user.text`, `user.*`…) takes the event before the parent's commands see it, so
 * `menu` or `aide` typed there do nothing the user expects.
 */

import type { AnyMachineSnapshot, AnyStateMachine, AnyTransitionDefinition, EventObject } from 'xstate';
import type { Exploration } from './explore.js';
import { describeEvent } from './failures.js';
import type { Finding } from './problem.js';
import { activeNodes, nodePath } from './state-nodes.js';
import { chosenTransitions, guardName, isDeliberateCatchAll, transitionField } from './transitions.js';

/** XState's own choice of transitions at one state node (internal: the swallowed-commands tests pin it). */
type NodeChoice = { next(snapshot: AnyMachineSnapshot, event: EventObject): AnyTransitionDefinition[] | undefined };

/** The guarded transition an ancestor of `transition`'s state would have taken for `event`, if any. */
function shadowedCommand(snapshot: AnyMachineSnapshot, transition: AnyTransitionDefinition, event: EventObject): AnyTransitionDefinition | undefined {
  for (let node = transition.source.parent; node; node = node.parent) {
    let taken: AnyTransitionDefinition[] | undefined;
    try {
      taken = (node as unknown as NodeChoice).next(snapshot, event);
    } catch {
      return undefined;
    }
    const [first] = taken ?? [];
    if (first) return first.guard === undefined ? undefined : first;
  }
  return undefined;
}

/** Whether the event still reaches the command's target (a catch-all that re-raises the event, say). */
function stillReaches(exploration: Exploration, machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject, command: AnyTransitionDefinition): boolean {
  const targets = command.target ?? [];
  if (targets.length === 0) return true; // a command that stays put cannot be told apart here
  try {
    const [next] = exploration.stepper.next(snapshot, event);
    const reached = new Set(activeNodes(machine, next.value).map((node) => node.id));
    return targets.every((target) => reached.has(target.id));
  } catch {
    return false;
  }
}

/** What the user sent, as they would say it: `"menu"` typed, `tap "menu"`, or the event. */
function sent(event: EventObject): string {
  const described = describeEvent(event);
  if (event.type === 'user.text') return described.replace(/^user\.text /, '');
  if (event.type === 'user.choice') return described.replace(/^user\.choice /, 'tap ');
  return described;
}

interface Swallow {
  readonly catchAll: AnyTransitionDefinition;
  readonly events: string[];
  readonly commands: Set<string>;
}

/**
 * Every catch-all of a state (not of the root) that takes a sample event an ancestor handles with a guarded
 * transition, when the event then does not get where that transition leads. Catch-alls marked with
 * `meta: { catchAll: '…' }` are left alone.
 *
 * @example
 * findSwallowedCommands(machine, exploration, events);
 * // [{ state: 'form', field: 'on["user.text"]', message: 'swallows every user.text: "menu", "aide" never reach …' }]
 */
export function findSwallowedCommands(machine: AnyStateMachine, exploration: Exploration, events: readonly EventObject[]): Finding[] {
  const found = new Map<AnyTransitionDefinition, Swallow>();
  for (const snapshot of exploration.settled) {
    for (const event of events) {
      const [first] = chosenTransitions(machine, snapshot, event);
      if (!first || first.guard !== undefined || !first.source.parent || isDeliberateCatchAll(first)) continue;
      const command = shadowedCommand(snapshot, first, event);
      if (!command || stillReaches(exploration, machine, snapshot, event, command)) continue;
      const swallow = found.get(first) ?? { catchAll: first, events: [], commands: new Set<string>() };
      found.set(first, swallow);
      const described = sent(event);
      if (!swallow.events.includes(described)) swallow.events.push(described);
      swallow.commands.add(`${guardName(command) ?? 'a guard'} at ${nodePath(command.source)}`);
    }
  }
  return [...found.values()].map(({ catchAll, events: swallowed, commands }) => ({
    state: nodePath(catchAll.source),
    field: transitionField(catchAll),
    message:
      `this catch-all takes every "${catchAll.eventType}" here, so ${swallowed.join(', ')} never reach${swallowed.length === 1 ? 'es' : ''} ` +
      `what handles ${swallowed.length === 1 ? 'it' : 'them'} elsewhere (${[...commands].join(', ')}): give it a guard that lets ` +
      `commands through, or mark it deliberate with meta: { catchAll: '…' }`,
  }));
}
