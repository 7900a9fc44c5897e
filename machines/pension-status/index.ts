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
  // The form says what went wrong (a refused number, a cancel) and asks again in a second message; its opening adds
  // the welcome. Every message is billed: merging each refusal with its question would bring this down to 1.
  messageCeiling: {
    perUserMessage: 2,
    exceptions: [{ name: 'welcome, then the reply and the question for the number', state: 'welcome', max: 3 }],
  },
};

export { MAX_ATTEMPTS, pensionStatusMachine, type PensionStatusContext } from './pension-status.machine.js';
export { normalizeCommand, normalizeRegistrationNumber, type Command } from './commands.js';
export { formatDate, texts } from './texts.fr.js';
