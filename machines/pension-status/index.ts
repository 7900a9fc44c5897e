import { REFERENCE_LOCALE } from '../../src/domain/locale.js';
import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { rememberLocale } from '../kit/index.js';
import { messages } from './messages.js';
import { createPensionStatusMachine } from './pension-status.machine.js';
import { sampleEvents } from './sample-events.js';
import { pensionTextsIn } from './texts.js';

/** The pension-status statechart, speaking the messages of `locales/`. */
export const pensionStatusMachine = createPensionStatusMachine(messages);

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
  messages,
  // The user's language outlives the session (never their registration number).
  remember: rememberLocale,
  // Users type their registration number here: analytics keep no typed text of this machine.
  recordsQuestions: false,
  // The form says what went wrong (a refused number, a cancel) and asks again in a second message; its opening adds
  // the welcome. Every message is billed: merging each refusal with its question would bring this down to 1.
  messageCeiling: {
    perUserMessage: 2,
    exceptions: [{ name: 'welcome, then the reply and the question for the number', state: 'welcome', max: 3 }],
  },
};

export { createPensionStatusMachine, MAX_ATTEMPTS, type PensionStatusContext } from './pension-status.machine.js';
export { normalizeCommand, normalizeRegistrationNumber, type Command } from './commands.js';
export { formatDate, pensionTextsIn, type PensionTexts } from './texts.js';
export { messages };

/** The French texts (the reference locale), for tests and tools that quote them. */
export const texts = pensionTextsIn(messages, REFERENCE_LOCALE);
