import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { cssAssistantMachine } from './css-assistant.machine.js';
import { sampleEvents } from './sample-events.js';
import { texts } from './texts.fr.js';

/**
 * The CSS assistant as the runtime registers it. Bump `version` whenever a state, context field
 * or actor is renamed or removed: stored snapshots of another version then start fresh.
 *
 * @example
 * createActor(cssAssistant.machine.provide({ actors: { askQuestion } }), { input: { at: Date.now() } });
 */
export const cssAssistant: MachineDefinition = {
  id: 'css-assistant',
  version: 1,
  machine: cssAssistantMachine,
  description: "L'assistant de la CSS : questions libres, menu des questions fréquentes, aide et contact",
  sampleEvents,
  restartNotice: texts.restartNotice,
};

export { cssAssistantMachine, type CssAssistantContext } from './css-assistant.machine.js';
export { isGreeting, menuIndex, normalizeCommand, type Command, type MenuIndex } from './commands.js';
export { categories, texts, type CategoryId, type CategoryText, type TopicText } from './texts.fr.js';
