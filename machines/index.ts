import type { MachineDefinition } from '../src/domain/machine-definition.js';
import { cssAssistant } from './css-assistant/index.js';
import { pensionStatus } from './pension-status/index.js';

/**
 * Every conversation machine the runtime can run, by id: the runtime (and `npm run chat`) look a
 * machine up here, so adding a bot is adding one line.
 *
 * @example
 * const definition = machines[defaultMachineId];
 */
export const machines: Record<string, MachineDefinition> = {
  [cssAssistant.id]: cssAssistant,
  [pensionStatus.id]: pensionStatus,
};

/** The machine a user talks to when nothing else is configured. */
export const defaultMachineId = 'css-assistant';
