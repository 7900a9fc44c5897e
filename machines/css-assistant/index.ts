import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { type CssAssistantContent, frenchContent } from './content.js';
import { createCssAssistantMachine } from './css-assistant.machine.js';
import { sampleEventsOf } from './sample-events.js';

/** Bump whenever a state, a context field or an actor is renamed or removed: stored snapshots of another version then start fresh. */
export const CSS_ASSISTANT_VERSION = 2;

/**
 * The CSS assistant speaking `content`, as the runtime registers it: the chart, the sample events the designers'
 * tools explore it with, its word lists (checked by `npm run check`) and its notices.
 *
 * @example
 * const variant = createCssAssistant({ ...frenchContent, categories: [...frenchContent.categories, newCategory] });
 */
export function createCssAssistant(content: CssAssistantContent): MachineDefinition {
  return {
    id: 'css-assistant',
    version: CSS_ASSISTANT_VERSION,
    machine: createCssAssistantMachine(content),
    description: "L'assistant de la CSS : questions libres, menu des questions fréquentes, aide, contact et pensions",
    sampleEvents: sampleEventsOf(content),
    vocabulary: content.words,
    // Kept: rare (a new version only), and it explains a welcome the user did not expect mid-conversation.
    restartNotice: content.texts.restartNotice,
    floodNotice: content.texts.floodNotice,
    // Every message is billed: one per user message. A session's first message gets the welcome, then its answer.
    messageCeiling: {
      perUserMessage: 1,
      exceptions: [{ name: 'welcome plus an answer', state: 'dialog.welcome', max: 2 }],
    },
  };
}

/**
 * The French CSS assistant.
 *
 * @example
 * createActor(cssAssistant.machine.provide({ actors: { askQuestion } }), { input: { at: Date.now() } });
 */
export const cssAssistant: MachineDefinition = createCssAssistant(frenchContent);

export { createCssAssistantMachine, type CssAssistantContext } from './css-assistant.machine.js';
export { FAILURES_BEFORE_CONTACT, MAX_QUEUED } from './css-assistant.setup.js';
export { frenchContent, type CssAssistantContent } from './content.js';
export { createReading, type Reading } from './reading.js';
export { BACK_ID, createReplies } from './replies.js';
export { categories, texts, type CategoryText, type TopicText } from './texts.fr.js';
export { words } from './words.fr.js';
