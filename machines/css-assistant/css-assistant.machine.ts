import { assign, emit, enqueueActions, fromPromise, raise, setup } from 'xstate';
import type { ConversationInput, ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import { type Command, isGreeting, menuIndex, normalizeCommand } from './commands.js';
import { type MediaQuestionInput, mediaQuestionOf, refusalOf } from './media.js';
import { ALL_BUTTONS, categoryById, menuList, textReply, topicById, topicList, withButtons } from './replies.js';
import { type CategoryId, type CategoryText, categories, texts } from './texts.fr.js';

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
  /** The file being asked about, while in `awaitingMediaAnswer`. */
  readonly pendingMedia?: MediaQuestionInput;
  /** Questions typed while an answer was pending, answered in order after it. */
  readonly queuedQuestions?: readonly string[];
}

/** The command a text or a tapped button stands for (button ids are the command names). */
const commandOf = (event: UserEvent): Command | undefined =>
  event.type === 'user.text' ? normalizeCommand(event.text) : event.type === 'user.choice' ? normalizeCommand(event.id) : undefined;

/** The category a tap or a typed `1`–`4` picks. */
function pickedCategory(event: UserEvent): CategoryText | undefined {
  if (event.type === 'user.choice') return categoryById(event.id);
  const index = event.type === 'user.text' ? menuIndex(event.text) : undefined;
  return index === undefined ? undefined : categories[index - 1];
}

/**
 * The CSS assistant: a citizen asks questions in French, sends a photo or a PDF to ask about, browses a menu
 * of frequent questions, or asks for help and contact details. States: `welcome` (new session) → `idle` |
 * `menu` | `category` | `help` | `contact`, and `awaitingAnswer` / `awaitingMediaAnswer` (tag `busy`) while
 * the CSS API answers. Commands, taps, questions and files are handled at the root, so they work from every
 * state. Pure: replies are `emit`ted, the CSS API is the actors `askQuestion` and `askAboutMedia` that the
 * runtime provides, and time comes from each event's `at`.
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
    askAboutMedia: fromPromise<string, MediaQuestionInput>(() =>
      Promise.reject(new Error('askAboutMedia was not provided: pass it with machine.provide({ actors })')),
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
    isAnswerableMedia: ({ event }) => mediaQuestionOf(event) !== undefined,
    isQuestion: ({ event }) => event.type === 'user.text' && normalizeCommand(event.text) === undefined && !isGreeting(event.text),
    isRefusedMedia: (_, params: { error: unknown }) => refusalOf(params.error) !== undefined,
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
    queueQuestion: assign({
      queuedQuestions: ({ context, event }) => [...(context.queuedQuestions ?? []), event.type === 'user.text' ? event.text.trim() : ''],
    }),
    /** Once an answer is out, the next queued question is asked (it arrives as a typed text would). */
    askNextQueued: enqueueActions(({ context, event, enqueue }) => {
      const [next, ...rest] = context.queuedQuestions ?? [];
      if (next === undefined) return;
      enqueue.assign({ queuedQuestions: rest });
      enqueue.raise({ type: 'user.text', text: next, at: 'at' in event && typeof event.at === 'number' ? event.at : context.lastActivityAt });
    }),
    rememberMedia: assign({ pendingMedia: ({ event }) => mediaQuestionOf(event) }),
    forgetMedia: assign({ pendingMedia: undefined }),
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
    replyAnswer: emit((_, params: { answer: string }) => textReply(params.answer.trim())),
    replyNoAnswer: emit(() => textReply(texts.noAnswer)),
    replyAfterAnswer: emit(() => withButtons(texts.afterAnswer, ALL_BUTTONS)),
    replyUnavailable: emit(() => textReply(texts.unavailable)),
    replyCannotRead: emit(() => textReply(texts.cannotRead)),
    replyMediaRefused: emit((_, params: { error: unknown }) => textReply(texts.mediaRefused[refusalOf(params.error) ?? 'type'])),
    replyNudge: emit(() => textReply(texts.nudge)),
  },
}).createMachine({
  id: 'css-assistant',
  initial: 'welcome',
  context: ({ input }) => ({ startedAt: input.at, lastActivityAt: input.at, messageCount: 0, profileName: input.profileName }),
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
    'user.media': [
      { guard: 'isAnswerableMedia', target: '.awaitingMediaAnswer', actions: ['recordActivity', 'rememberMedia'] },
      // Audio, video, stickers, other documents: say what can be read, and stay where the user was.
      { actions: ['recordActivity', 'replyCannotRead'] },
    ],
    'user.other': { actions: ['recordActivity', 'replyCannotRead'] },
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
      // While the answer is pending, commands answer at once without cancelling it, and a new question waits its turn.
      on: {
        'user.text': [
          { guard: 'isHelpCommand', actions: ['recordActivity', 'replyHelp'] },
          { guard: 'isMenuCommand', actions: ['recordActivity', 'replyMenu'] },
          { guard: 'isContactCommand', actions: ['recordActivity', 'replyContact'] },
          { guard: 'isQuestion', actions: ['recordActivity', 'queueQuestion'] },
        ],
        'user.choice': [
          { guard: 'isHelpCommand', actions: ['recordActivity', 'replyHelp'] },
          { guard: 'isMenuCommand', actions: ['recordActivity', 'replyMenu'] },
          { guard: 'isContactCommand', actions: ['recordActivity', 'replyContact'] },
        ],
      },
      invoke: {
        id: 'askQuestion',
        src: 'askQuestion',
        input: ({ context }) => ({ question: context.lastQuestion ?? '' }),
        onDone: [
          {
            guard: { type: 'hasAnswer', params: ({ event }) => ({ answer: event.output }) },
            target: 'idle',
            actions: [{ type: 'replyAnswer', params: ({ event }) => ({ answer: event.output }) }, 'replyAfterAnswer', 'askNextQueued'],
          },
          { target: 'idle', actions: ['replyNoAnswer', 'replyAfterAnswer', 'askNextQueued'] },
        ],
        onError: { target: 'idle', actions: ['replyUnavailable', 'askNextQueued'] },
      },
    },
    awaitingMediaAnswer: {
      tags: 'busy',
      exit: 'forgetMedia',
      invoke: {
        id: 'askAboutMedia',
        src: 'askAboutMedia',
        input: ({ context }) => context.pendingMedia ?? { media: 'image', mediaId: '', question: '' }, // (set on entry)
        onDone: [
          {
            guard: { type: 'hasAnswer', params: ({ event }) => ({ answer: event.output }) },
            target: 'idle',
            actions: [{ type: 'replyAnswer', params: ({ event }) => ({ answer: event.output }) }, 'replyAfterAnswer'],
          },
          { target: 'idle', actions: ['replyNoAnswer', 'replyAfterAnswer'] },
        ],
        onError: [
          // A wrong type or a file too big is the user's to fix: say what is accepted. Anything else: the apology.
          { guard: { type: 'isRefusedMedia', params: ({ event }) => ({ error: event.error }) }, target: 'idle',
            actions: { type: 'replyMediaRefused', params: ({ event }) => ({ error: event.error }) } },
          { target: 'idle', actions: 'replyUnavailable' },
        ],
      },
    },
  },
});
