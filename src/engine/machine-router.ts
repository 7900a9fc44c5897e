import type { MachineDefinition } from '../domain/machine-definition.js';

/**
 * Which machine answers which business number: `machineByNumber[phone_number_id]`, else the default. Built once
 * at start; an unknown machine name is refused then, with the names that exist.
 *
 * @example
 * const machineFor = routeMachines(live, { defaultMachine: 'css-assistant', machineByNumber: { '1065…': 'pension-status' } });
 */
export function routeMachines(
  available: Readonly<Record<string, MachineDefinition>>,
  routes: { readonly defaultMachine: string; readonly machineByNumber: Readonly<Record<string, string>> },
): (phoneNumberId: string) => MachineDefinition {
  const find = (id: string, variable: string): MachineDefinition => {
    const definition = available[id];
    if (!definition) throw new Error(`${variable} names machine "${id}", which is not one of: ${Object.keys(available).join(', ')}`);
    return definition;
  };
  const fallback = find(routes.defaultMachine, 'DEFAULT_MACHINE');
  const byNumber = new Map(
    Object.entries(routes.machineByNumber).map(([number, id]) => [number, find(id, 'MACHINE_BY_NUMBER')] as const),
  );
  return (phoneNumberId) => byNumber.get(phoneNumberId) ?? fallback;
}
