/**
 * The switches the runtime sets on machines (guards a machine declares and the operator's configuration decides), in a
 * file of its own so that the designers' tools can set them as the path tests do without loading the registry.
 */

import type { MachineDefinition } from '../domain/machine-definition.js';

/** What the runtime decides for machines: a switch on or off, or a question of the event (`at`) it answers. */
export type Switches = Readonly<Record<string, boolean | ((args: { readonly event: { readonly at?: unknown } }) => boolean)>>;

/** Sets the guards a machine declares among `switches` (the machine's own are what a designer's tools explore). */
export function withSwitches(definition: MachineDefinition, switches: Switches): MachineDefinition {
  const declared = definition.machine.implementations.guards;
  const guards = Object.fromEntries(
    Object.entries(switches)
      .filter(([name]) => name in declared)
      .map(([name, on]) => [name, typeof on === 'boolean' ? () => on : on]),
  );
  return Object.keys(guards).length === 0 ? definition : { ...definition, machine: definition.machine.provide({ guards }) };
}
