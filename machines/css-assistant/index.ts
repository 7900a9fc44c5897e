import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { cssAssistantMachine } from './css-assistant.machine.js';

/**
 * The CSS assistant as the runtime registers it. Bump `version` whenever a state, context field
 * or actor is renamed or removed: stored snapshots of another version then start fresh.
 *
 * @example
 * createActor(cssAssistant.machine.provide({ actors: { askQuestion } }), { input: { at: Date.now() } });
 */
export const cssAssistant: MachineDefinition = { id: 'css-assistant', version: 1, machine: cssAssistantMachine };

export { cssAssistantMachine, type CssAssistantContext } from './css-assistant.machine.js';
export { isGreeting, menuIndex, normalizeCommand, type Command, type MenuIndex } from './commands.js';
export { categories, texts, type CategoryId, type CategoryText, type TopicText } from './texts.fr.js';
