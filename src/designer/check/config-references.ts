/**
 * Finds every implementation a machine's config names: actions in entry, exit and transitions, guards
 * (inside `and`/`or`/`not` too), invoked actors and named delays, each with the state and the field that
 * names it. Inline functions are implementations themselves and are not references.
 */

import type { AnyStateMachine } from 'xstate';
import { allStates, nodePath } from './state-nodes.js';

/** What a name in the config refers to, by the `setup()` key that must provide it. */
export type ReferenceKind = 'action' | 'guard' | 'actor' | 'delay';

/** A named implementation the config relies on. */
export interface Reference {
  readonly kind: ReferenceKind;
  readonly name: string;
  readonly state: string;
  readonly field: string;
}

type Config = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Config => typeof value === 'object' && value !== null && !Array.isArray(value);
const entries = (value: unknown): [string, unknown][] => (isObject(value) ? Object.entries(value) : []);

/** The references of one state node's own config (its children are walked separately). */
function referencesOf(config: Config, state: string): Reference[] {
  const out: Reference[] = [];
  const add = (kind: ReferenceKind, name: string, field: string): void => {
    out.push({ kind, name, state, field });
  };
  const actions = (value: unknown, field: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => actions(item, `${field}[${i}]`));
    else if (typeof value === 'string') add('action', value, field);
    else if (isObject(value) && typeof value.type === 'string') add('action', value.type, field);
  };
  const guard = (value: unknown, field: string): void => {
    if (typeof value === 'string') add('guard', value, field);
    else if (isObject(value) && typeof value.type === 'string') add('guard', value.type, field);
    else if (typeof value === 'function') {
      // and([...]), or([...]) and not(...) keep their operands in `guards`.
      const operands = (value as { guards?: unknown }).guards;
      if (Array.isArray(operands)) operands.forEach((operand, i) => guard(operand, `${field}.guards[${i}]`));
    }
  };
  const transitions = (value: unknown, field: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => transitions(item, `${field}[${i}]`));
    else if (isObject(value)) {
      guard(value.guard, `${field}.guard`);
      actions(value.actions, `${field}.actions`);
    }
  };

  actions(config.entry, 'entry');
  actions(config.exit, 'exit');
  for (const [event, value] of entries(config.on)) transitions(value, `on["${event}"]`);
  transitions(config.always, 'always');
  for (const [delay, value] of entries(config.after)) {
    if (!/^\d+$/.test(delay)) add('delay', delay, `after["${delay}"]`);
    transitions(value, `after["${delay}"]`);
  }
  transitions(config.onDone, 'onDone');
  const invokes = Array.isArray(config.invoke) ? config.invoke : config.invoke === undefined ? [] : [config.invoke];
  invokes.forEach((invoke: unknown, i) => {
    if (!isObject(invoke)) return;
    const field = Array.isArray(config.invoke) ? `invoke[${i}]` : 'invoke';
    if (typeof invoke.src === 'string') add('actor', invoke.src, `${field}.src`);
    for (const outcome of ['onDone', 'onError', 'onSnapshot']) transitions(invoke[outcome], `${field}.${outcome}`);
  });
  return out;
}

/**
 * Every named reference in the machine, root first, in config order.
 *
 * @example
 * collectReferences(machine); // [{ kind: 'action', name: 'replyMenu', state: 'menu', field: 'entry' }, …]
 */
export function collectReferences(machine: AnyStateMachine): Reference[] {
  return [machine.root, ...allStates(machine)].flatMap((node) => referencesOf(node.config as Config, nodePath(node)));
}
