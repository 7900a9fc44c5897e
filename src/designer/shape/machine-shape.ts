/**
 * The shape of a machine version: what a conversation stored by it holds and needs to be restored — its
 * states, its context fields (with the JSON types of their values) and the actors it declares. A stored
 * conversation of version N is restorable by the machine of today only if today's machine still has that
 * shape; the check compares them.
 */

import type { AnyStateNode } from 'xstate';
import type { MachineDefinition } from '../../domain/machine-definition.js';

/**
 * One version's shape, as committed in `docs/machines/<id>.v<version>.shape.json`.
 *
 * @example
 * { machine: 'css-assistant', version: 1, states: ['welcome', 'idle', …], context: { category: ['string', 'undefined'] }, actors: ['askQuestion'] }
 */
export interface MachineShape {
  readonly machine: string;
  readonly version: number;
  /** Dotted paths of every state node, parents before children. */
  readonly states: readonly string[];
  /** Context field → the JSON types its value had (`undefined` when the field can be absent). */
  readonly context: Readonly<Record<string, readonly string[]>>;
  /** Actors the machine declares in `setup({ actors })`: a stored snapshot may hold one of them running. */
  readonly actors: readonly string[];
}

function statePaths(node: AnyStateNode): string[] {
  return Object.values(node.states as Record<string, AnyStateNode>)
    .filter((child) => child.type !== 'history')
    .flatMap((child) => [child.path.join('.'), ...statePaths(child)]);
}

/**
 * The shape of `definition` today, from its chart and the context fields an exploration met.
 *
 * @example
 * shapeOf(cssAssistant, result.contextFields);
 */
export function shapeOf(definition: MachineDefinition, contextFields: ReadonlyMap<string, ReadonlySet<string>>): MachineShape {
  const context = Object.fromEntries([...contextFields].sort(([a], [b]) => a.localeCompare(b)).map(([key, types]) => [key, [...types].sort()]));
  return {
    machine: definition.id,
    version: definition.version,
    states: statePaths(definition.machine.root),
    context,
    actors: Object.keys(definition.machine.implementations.actors).sort(),
  };
}

/**
 * Everything either shape has: a record only grows while its version is the current one, so a state or a
 * field it once had cannot be dropped without a new version.
 */
export function mergeShapes(recorded: MachineShape, current: MachineShape): MachineShape {
  const context: Record<string, string[]> = {};
  for (const [key, types] of [...Object.entries(recorded.context), ...Object.entries(current.context)]) {
    context[key] = [...new Set([...(context[key] ?? []), ...types])].sort();
  }
  return {
    machine: recorded.machine,
    version: recorded.version,
    states: [...new Set([...recorded.states, ...current.states])],
    context: Object.fromEntries(Object.entries(context).sort(([a], [b]) => a.localeCompare(b))),
    actors: [...new Set([...recorded.actors, ...current.actors])].sort(),
  };
}

/** What `older` has that `newer` lacks: states, context fields, actors. */
export function missingFrom(older: MachineShape, newer: MachineShape): { states: string[]; fields: string[]; actors: string[] } {
  return {
    states: older.states.filter((state) => !newer.states.includes(state)),
    fields: Object.keys(older.context).filter((field) => !(field in newer.context)),
    actors: older.actors.filter((actor) => !newer.actors.includes(actor)),
  };
}
