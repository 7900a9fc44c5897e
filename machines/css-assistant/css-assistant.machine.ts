import { assign, emit, fromPromise, raise, setup } from 'xstate';
import type { ConversationInput, ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import type { OutboundMessage } from '../../src/domain/outbound.js';
import { type Command, isGreeting, menuIndex, normalizeCommand } from './commands.js';
import { type CategoryId, type CategoryText, type TopicText, categories, texts } from './texts.fr.js';

/**
 * The CSS assistant: a citizen asks questions in French, browses a menu of frequent questions,
 * or asks for help and contact details. Pure: replies are `emit`ted, the CSS API is the invoked
 * actor `askQuestion` that the runtime provides, and time comes from each event's `at`.
 */

/** Session data, persisted with the snapshot. */
export interface CssAssistantContext {
  readonly startedAt: number;
  readonly lastActivityAt: number;
  /** User events received in this session, including media and greetings. */
  readonly messageCount: number;
  readonly profileName?: string;
  /** The question last sent to the CSS API (typed, or the question of a tapped topic). */
  readonly lastQuestion?: string;
  /** The category whose topic list is open, while in `category`. */
  readonly category?: CategoryId;
}

type ButtonId = keyof typeof texts.buttons;

const reply = (message: OutboundMessage): ReplyEvent => ({ type: 'reply', message });
const withButtons = (body: string, ids: readonly ButtonId[]): ReplyEvent =>
  reply({ type: 'buttons', body, buttons: ids.map((id) => ({ id, title: texts.buttons[id] })) });
const rows = (items: readonly (CategoryText | TopicText)[]) =>
  items.map(({ id, title, description }) => ({ id, title, description }));

const categoryById = (id: string): CategoryText | undefined => categories.find((c) => c.id === id);
const topicById = (id: string): TopicText | undefined =>
  categories.flatMap((c) => c.topics).find((t) => t.id === id);

/** The command a text or a tapped button stands for (button ids are the command names). */
const commandOf = (event: UserEvent): Command | undefined =>
  event.type === 'user.text' ? normalizeCommand(event.text) : event.type === 'user.choice' ? normalizeCommand(event.id) : undefined;

/** The category a tap or a typed `1`–`4` picks. */
function pickedCategory(event: UserEvent): CategoryText | undefined {
  if (event.type === 'user.choice') return categoryById(event.id);
  const index = event.type === 'user.text' ? menuIndex(event.text) : undefined;
  return index === undefined ? undefined : categories[index - 1];
}

const menuList = (): ReplyEvent =>
  reply({
    type: 'list',
    body: texts.menu.body,
    button: texts.menu.button,
    sections: [{ title: texts.menu.sectionTitle, rows: rows(categories) }],
  });
const topicList = (category: CategoryText): ReplyEvent =>
  reply({
    type: 'list',
    body: category.intro,
    button: texts.category.button,
    sections: [{ title: category.title, rows: rows(category.topics) }],
  });

const ALL_BUTTONS: readonly ButtonId[] = ['menu', 'aide', 'contact'];

/**
 * The CSS assistant statechart. States: `welcome` (new session) → `idle` | `menu` | `category` |
 * `help` | `contact`, and `awaitingAnswer` (tag `busy`) while the CSS API answers. Commands, taps
 * and questions are handled at the root, so they work from every state.
 *
 * @example
 * const live = cssAssistantMachine.provide({ actors: { askQuestion: fromPromise(({ input }) => css.ask(input.question)) } });
 */
export const cssAssistantMachine = setup({
  types: {
    context: {} as CssAssistantContext,
    events: {} as UserEvent,
    emitted: {} as ReplyEvent,
    input: {} as ConversationInput,
    tags: 'busy',
  },
  /** How long a user may sit in the menu before one gentle nudge; the runtime sets it (MENU_NUDGE_SECONDS). */
  delays: { menuNudge: 5 * 60_000 },
  actors: {
    askQuestion: fromPromise<string, { question: string }>(() =>
      Promise.reject(new Error('askQuestion was not provided: pass it with machine.provide({ actors })')),
    ),
  },
  guards: {
    isHelpCommand: ({ event }) => commandOf(event) === 'aide',
    isMenuCommand: ({ event }) => commandOf(event) === 'menu',
    isContactCommand: ({ event }) => commandOf(event) === 'contact',
    isGreeting: ({ event }) => event.type === 'user.text' && isGreeting(event.text),
    isCategoryChoice: ({ event }) => event.type === 'user.choice' && categoryById(event.id) !== undefined,
    isTopicChoice: ({ event }) => event.type === 'user.choice' && topicById(event.id) !== undefined,
    isMenuIndex: ({ event }) => event.type === 'user.text' && menuIndex(event.text) !== undefined,
    hasAnswer: (_, params: { answer: string }) => params.answer.trim() !== '',
  },
  actions: {
    recordActivity: assign(({ context, event }) => ({
      messageCount: context.messageCount + 1,
      lastActivityAt: event.at,
      profileName: event.profileName ?? context.profileName,
    })),
    rememberQuestion: assign({
      lastQuestion: ({ event }) =>
        event.type === 'user.choice' ? topicById(event.id)?.question : event.type === 'user.text' ? event.text.trim() : undefined,
    }),
    openCategory: assign({ category: ({ event }) => pickedCategory(event)?.id }),
    closeCategory: assign({ category: undefined }),
    /** Handles the first message again, now that the welcome is out, as any later message. */
    reprocessMessage: raise(({ event }) => event),
    replyWelcome: emit(({ context, event }) => withButtons(texts.welcome(event.profileName ?? context.profileName), ALL_BUTTONS)),
    replyGreeting: emit(({ context }) => withButtons(texts.greeting(context.profileName), ALL_BUTTONS)),
    replyHelp: emit(() => withButtons(texts.help, ['menu', 'contact'])),
    replyContact: emit(() => withButtons(texts.contact, ['menu', 'aide'])),
    replyMenu: emit(() => menuList()),
    replyCategory: emit(({ context }) => {
      const category = categoryById(context.category ?? '');
      return category ? topicList(category) : menuList();
    }),
    replyAnswer: emit((_, params: { answer: string }) => reply({ type: 'text', text: params.answer.trim() })),
    replyNoAnswer: emit(() => reply({ type: 'text', text: texts.noAnswer })),
    replyAfterAnswer: emit(() => withButtons(texts.afterAnswer, ALL_BUTTONS)),
    replyUnavailable: emit(() => reply({ type: 'text', text: texts.unavailable })),
    replyTextOnly: emit(() => reply({ type: 'text', text: texts.textOnly })),
    replyNudge: emit(() => reply({ type: 'text', text: texts.nudge })),
  },
}).createMachine({
  id: 'css-assistant',
  initial: 'welcome',
  context: ({ input }) => ({
    startedAt: input.at,
    lastActivityAt: input.at,
    messageCount: 0,
    profileName: input.profileName,
  }),
  // Shared by every state: commands, menu taps and questions work from anywhere.
  on: {
    'user.text': [
      { guard: 'isHelpCommand', target: '.help', actions: 'recordActivity' },
      { guard: 'isMenuCommand', target: '.menu', actions: 'recordActivity' },
      { guard: 'isContactCommand', target: '.contact', actions: 'recordActivity' },
      { guard: 'isGreeting', target: '.idle', actions: ['recordActivity', 'replyGreeting'] },
      { target: '.awaitingAnswer', actions: ['recordActivity', 'rememberQuestion'] },
    ],
    'user.choice': [
      { guard: 'isHelpCommand', target: '.help', actions: 'recordActivity' },
      { guard: 'isMenuCommand', target: '.menu', actions: 'recordActivity' },
      { guard: 'isContactCommand', target: '.contact', actions: 'recordActivity' },
      { guard: 'isCategoryChoice', target: '.category', actions: ['recordActivity', 'openCategory'] },
      { guard: 'isTopicChoice', target: '.awaitingAnswer', actions: ['recordActivity', 'rememberQuestion'] },
      // A tap on a button this version no longer knows: show where the user can go from here.
      { target: '.menu', actions: 'recordActivity' },
    ],
    'user.media': { actions: ['recordActivity', 'replyTextOnly'] },
    'user.other': { actions: ['recordActivity', 'replyTextOnly'] },
  },
  states: {
    /** A new session: its first message, whatever it is, gets the welcome first. */
    welcome: {
      on: {
        'user.*': [
          { guard: 'isGreeting', target: 'idle', actions: ['recordActivity', 'replyWelcome'] },
          { target: 'idle', actions: ['replyWelcome', 'reprocessMessage'] },
        ],
      },
    },
    idle: {},
    menu: {
      entry: 'replyMenu',
      // Once per visit: the transition stays in the menu without re-entering it, so it does not re-arm.
      after: { menuNudge: { actions: 'replyNudge' } },
      on: {
        'user.text': { guard: 'isMenuIndex', target: 'category', actions: ['recordActivity', 'openCategory'] },
      },
    },
    category: { entry: 'replyCategory', exit: 'closeCategory' },
    help: { entry: 'replyHelp' },
    contact: { entry: 'replyContact' },
    awaitingAnswer: {
      tags: 'busy',
      invoke: {
        id: 'askQuestion',
        src: 'askQuestion',
        input: ({ context }) => ({ question: context.lastQuestion ?? '' }),
        onDone: [
          {
            guard: { type: 'hasAnswer', params: ({ event }) => ({ answer: event.output }) },
            target: 'idle',
            actions: [{ type: 'replyAnswer', params: ({ event }) => ({ answer: event.output }) }, 'replyAfterAnswer'],
          },
          { target: 'idle', actions: ['replyNoAnswer', 'replyAfterAnswer'] },
        ],
        onError: { target: 'idle', actions: 'replyUnavailable' },
      },
    },
  },
});
