/**
 * Today's shape of a registered machine, explored as `npm run check` explores it (the runtime's actors and
 * their outputs), so the record and the check see the same context fields.
 */

import type { MachineDefinition } from '../../domain/machine-definition.js';
import { runMachineCheck } from '../check/check-machine.js';
import { runtimeCheckOptions } from '../check/runtime-options.js';
import { type MachineShape, shapeOf } from './machine-shape.js';

/**
 * @example
 * await currentShape(cssAssistant); // { machine: 'css-assistant', version: 1, states: [...], context: {...}, actors: [...] }
 */
export async function currentShape(definition: MachineDefinition): Promise<MachineShape> {
  const result = runMachineCheck(definition, await runtimeCheckOptions(definition));
  return shapeOf(definition, result.contextFields);
}
