import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { REFERENCE_LOCALE } from '../../src/domain/locale.js';
import { type CssAssistantContent, frenchContent, localizer } from './content.js';
import { rememberLocale } from '../kit/index.js';
import { createCssAssistantMachine } from './css-assistant.machine.js';
import { sampleEventsOf } from './sample-events.js';

/** The sample requests for a person (`sample-events.ts`), as the check prints them: the handoff's exceptions to the ceiling. */
const AGENT_REQUESTS = ['user.text "je veux parler à un conseiller"', 'user.choice "agent"'];

/** Bump whenever a state, a context field or an actor is renamed or removed: stored snapshots of another version then start fresh. */
export const CSS_ASSISTANT_VERSION = 2;

/**
 * The CSS assistant speaking `content`, as the runtime registers it: the chart, the sample events the designers'
 * tools explore it with, its word lists (checked by `npm run check`), its messages in every locale and its notices.
 *
 * @example
 * const variant = createCssAssistant({ ...frenchContent, menu: [...frenchContent.menu, newCategory] });
 */
export function createCssAssistant(content: CssAssistantContent): MachineDefinition {
  const { texts } = localizer(content)(REFERENCE_LOCALE);
  return {
    id: 'css-assistant',
    version: CSS_ASSISTANT_VERSION,
    machine: createCssAssistantMachine(content),
    description: "L'assistant de la CSS : questions libres, menu des questions fréquentes, aide, contact et pensions",
    sampleEvents: sampleEventsOf(content),
    vocabulary: content.words,
    messages: content.messages,
    // The user's language outlives the session: a returning user is answered in the language they chose.
    remember: rememberLocale,
    // Kept: rare (a new version only), and it explains a welcome the user did not expect mid-conversation.
    restartNotice: texts.restartNotice,
    floodNotice: texts.floodNotice,
    // Every message is billed: one per user message. A session's first message gets the welcome, then its answer.
    // A request for a person says that an agent is coming; when the agents' inbox cannot be reached, the user is told
    // that too (their messages are kept): one more message, only during an outage. The most specific exception first.
    messageCeiling: {
      perUserMessage: 1,
      exceptions: [
        ...AGENT_REQUESTS.map((event) => ({ name: 'welcome, then a handoff the agents cannot take yet', state: 'dialog.welcome', event, max: 3 })),
        { name: 'welcome plus an answer', state: 'dialog.welcome', max: 2 },
        ...AGENT_REQUESTS.map((event) => ({ name: 'a handoff the agents cannot take yet (coming, then unreachable)', state: 'dialog', event, max: 2 })),
      ],
    },
    // With an agent, the conversation outlives the 30-minute session: agents may answer the next morning.
    agentStates: ['dialog.withAgent'],
  };
}

/**
 * The CSS assistant, in French, English and Wolof.
 *
 * @example
 * createActor(cssAssistant.machine.provide({ actors: { askQuestion } }), { input: { at: Date.now() } });
 */
export const cssAssistant: MachineDefinition = createCssAssistant(frenchContent);

/** The French texts and menu (the reference locale), for tests and tools that quote them. */
export const { texts, categories } = localizer(frenchContent)(REFERENCE_LOCALE);

export { createCssAssistantMachine, type CssAssistantContext } from './css-assistant.machine.js';
export { FAILURES_BEFORE_CONTACT, MAX_QUEUED } from './css-assistant.setup.js';
export { frenchContent, localizer, messages, type CssAssistantContent } from './content.js';
export { createReading, type Reading } from './reading.js';
export { BACK_ID, createReplies } from './replies.js';
export { menu, menuMessageId, type MenuCategory, type MenuTopic } from './menu.js';
export { textsIn, type CategoryText, type TopicText } from './texts.js';
export { words } from './words.fr.js';
