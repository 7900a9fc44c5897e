import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { pensionStatusMachine } from './pension-status.machine.js';
import { sampleEvents } from './sample-events.js';

/**
 * The pension-status form as the runtime registers it. Bump `version` whenever a state, context
 * field or actor is renamed or removed: stored snapshots of another version then start fresh.
 *
 * @example
 * createActor(pensionStatus.machine.provide({ actors: { lookupFileStatus } }), { input: { at: Date.now() } });
 */
export const pensionStatus: MachineDefinition = {
  id: 'pension-status',
  version: 1,
  machine: pensionStatusMachine,
  description: "Suivi d'un dossier de pension ou de prestation CSS à partir du numéro d'immatriculation",
  sampleEvents,
  // Users type their registration number here: analytics keep no typed text of this machine.
  recordsQuestions: false,
};

export { MAX_ATTEMPTS, pensionStatusMachine, type PensionStatusContext } from './pension-status.machine.js';
export { normalizeCommand, normalizeRegistrationNumber, type Command } from './commands.js';
export { formatDate, texts } from './texts.fr.js';
