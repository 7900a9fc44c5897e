/**
 * The named parts of the CSS assistant's chart: its types, the effects it invokes, its guards (questions the
 * chart asks of a message or of the context) and its actions (replies and context updates). The chart itself
 * is in `css-assistant.machine.ts`; both are built from a content, so the words live in the texts files only.
 */

import { assign, emit, enqueueActions, fromPromise, raise, setup } from 'xstate';
import type { AgentEvent, AgentForwardInput, AgentForwardOutput, ConversationInput, ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import { AnswerUnavailableError } from '../../src/domain/errors.js';
import { type Locale, REFERENCE_LOCALE } from '../../src/domain/locale.js';
import type { MediaQuestion } from '../../src/domain/media-question.js';
import {
  activityAfter, afterForward, forAgentOf, forwardedOf, handoffFrom, keepFor, localeAfterFirstMessage, localeOf, say,
  type ActivityContext, type Handoff, type LocaleContext,
} from '../kit/index.js';
import type { Ask } from './asks.js';
import { type CssAssistantContent, localizer } from './content.js';
import { agentTextOf, lastQuestionOf } from './handoff.js';
import { mediaQuestionOf, refusalOf } from './media.js';
import { createReading, SMALL_TALK } from './reading.js';
import { createReplies, type Replies } from './replies.js';

/**
 * Questions waiting behind the one with the CSS: as many as a user may send in a minute before flood control steps
 * in (INBOUND_PER_MINUTE, 20 by default), so a fast typist loses none; bounded all the same.
 */
export const MAX_QUEUED = 20;

/** Failures in a row (errors or answers not found) after which the contact details come by themselves. */
export const FAILURES_BEFORE_CONTACT = 2;

/** Session data, persisted with the snapshot. */
export interface CssAssistantContext extends ActivityContext, LocaleContext {
  /** The session was opened by a user back after an earlier one expired: greet them back briefly. */
  readonly returning: boolean;
  /** The category whose topic list is open, while in `dialog.category`. */
  readonly category?: string;
  /** The question with the CSS now, or last asked (what [Réessayer] asks again). */
  readonly lastAsk?: Ask;
  /** Questions sent while one was with the CSS, answered in order after it (at most `MAX_QUEUED`). */
  readonly queue: readonly Ask[];
  /** Failures (errors, answers not found) since the last answer. */
  readonly failuresInRow: number;
  /** The user (not French-speaking) was told once that the CSS answers in French. */
  readonly toldAnswersInFrench?: boolean;
  /** While a person handles the conversation (`dialog.withAgent`). */
  readonly handoff?: Handoff;
}

/** Raised by the dialog for the question region: a question for the CSS. */
export type QuestionAsked = { readonly type: 'question.asked'; readonly ask: Ask };
/** Raised by the question region after repeated failures: the dialog opens the contact page. */
export type ContactOffered = { readonly type: 'contact.offered' };
export type CssAssistantEvent = UserEvent | QuestionAsked | ContactOffered | AgentEvent;

const notProvided = (name: string) => () => Promise.reject(new Error(`${name} was not provided: pass it with machine.provide({ actors })`));

/**
 * The `setup()` of a CSS assistant speaking `content`.
 *
 * @example
 * const chart = cssAssistantSetup(frenchContent).createMachine({ … });
 */
export function cssAssistantSetup(content: CssAssistantContent) {
  const read = createReading(content);
  const localize = localizer(content);
  const repliesByLocale = new Map<Locale, Replies>();
  /** The messages in the conversation's language. */
  const replies = (context: CssAssistantContext): Replies => {
    const locale = localeOf(context);
    let found = repliesByLocale.get(locale);
    if (found === undefined) repliesByLocale.set(locale, (found = createReplies(localize(locale))));
    return found;
  };
  /** The texts in the conversation's language. */
  const texts = (context: CssAssistantContext) => localize(localeOf(context)).texts;
  const means = (event: CssAssistantEvent, meaning: string): boolean => isUser(event) && read.meaningOf(event) === meaning;
  const typedAsk = (event: CssAssistantEvent): Ask => ({ kind: 'text', question: event.type === 'user.text' ? event.text.trim() : '' });
  const asked = (ask: Ask | undefined): QuestionAsked => ({ type: 'question.asked', ask: ask ?? { kind: 'text', question: '' } });

  return setup({
    types: {
      context: {} as CssAssistantContext,
      events: {} as CssAssistantEvent,
      emitted: {} as ReplyEvent,
      input: {} as ConversationInput,
      tags: 'busy',
    },
    /** How long a user may sit in the menu before one nudge, when the nudge is on; the runtime sets it (MENU_NUDGE_SECONDS). */
    delays: {
      menuNudge: 5 * 60_000,
      /** No agent reply this long after a handoff: the citizen is told (AGENT_REPLY_TIMEOUT_SECONDS). */
      agentNoReply: 30 * 60_000,
      /** Messages kept while the agents' inbox is unreachable are tried again this often (AGENT_RETRY_SECONDS). */
      agentRetry: 60_000,
    },
    actors: {
      askQuestion: fromPromise<string, { question: string }>(notProvided('askQuestion')),
      askAboutMedia: fromPromise<string, MediaQuestion>(notProvided('askAboutMedia')),
      forwardToAgent: fromPromise<AgentForwardOutput, AgentForwardInput>(notProvided('forwardToAgent')),
    },
    guards: {
      isReturning: ({ context }) => context.returning,
      isHelpCommand: ({ event }) => means(event, 'aide'),
      isMenuCommand: ({ event }) => means(event, 'menu'),
      isContactRequest: ({ event }) => means(event, 'contact'),
      isAgentRequest: ({ event }) => means(event, 'agent'),
      /** The runtime turns it off when it has no agents' inbox (no Chatwoot): a request for a person then gets the phone number. */
      isAgentInboxOn: () => true,
      /** Whether agents are out of their office hours at the event's time; the runtime sets the hours (AGENT_OFFICE_HOURS). */
      isOutOfAgentHours: () => false,
      hasAgentReplied: ({ context }) => context.handoff?.agentReplied === true,
      isOutageTold: ({ context }) => context.handoff?.outageTold === true,
      /** On a settled forward: messages came in meanwhile, or only some went. */
      hasMoreForAgent: ({ context, event }) => { const done = forwardedOf(event); return done !== undefined && (context.handoff?.forAgent.length ?? 0) > done.forwarded; },
      isPensionCommand: ({ event }) => means(event, 'pension'),
      isBackCommand: ({ event }) => means(event, 'back'),
      isRetryCommand: ({ event }) => means(event, 'retry'),
      isGreeting: ({ event }) => means(event, 'greeting'),
      isLanguageCommand: ({ event }) => means(event, 'language'),
      /** `english`, a tap on [Wolof]…: a language picked. */
      isLocaleChoice: ({ event }) => isUser(event) && read.localeChosen(event) !== undefined,
      isSmallTalk: ({ event }) => isUser(event) && SMALL_TALK.has(read.meaningOf(event) ?? 'menu'),
      isCategoryChoice: ({ event }) => isUser(event) && read.tappedCategory(event) !== undefined,
      isTopicChoice: ({ event }) => isUser(event) && read.tappedTopic(event) !== undefined,
      isCategoryNumber: ({ event }) => isUser(event) && read.categoryByNumber(event) !== undefined,
      isTopicNumber: ({ context, event }) => isUser(event) && read.topicByNumber(event, context.category) !== undefined,
      /** A number that picks nothing where the user is. */
      isNumber: ({ event }) => isUser(event) && read.numberOf(event) !== undefined,
      isTap: ({ event }) => event.type === 'user.choice',
      isAnswerableMedia: ({ event }) => isUser(event) && mediaQuestionOf(event) !== undefined,
      hasLastAsk: ({ context }) => context.lastAsk !== undefined && (context.lastAsk.kind === 'media' || context.lastAsk.question !== ''),
      isMediaAsk: ({ event }) => event.type === 'question.asked' && event.ask.kind === 'media',
      isQueueFull: ({ context }) => context.queue.length >= MAX_QUEUED,
      /** Nothing was waiting yet: the first question queued behind the pending one is told so (once per wait). */
      isQueueEmpty: ({ context }) => context.queue.length === 0,
      isRepeatedFailure: ({ context }) => context.failuresInRow + 1 >= FAILURES_BEFORE_CONTACT,
      /** Off unless the runtime turns it on (MENU_NUDGE_SECONDS): a message nobody asked for costs money. */
      isMenuNudgeOn: () => false,
      /** On an answer from the CSS: it says something (an empty answer means none was found). */
      hasAnswer: ({ event }) => answerOf(event).trim() !== '',
      /** On a failed call: the CSS took longer than CSS_API_TIMEOUT_MS (else it is down or answered an error). */
      isTimeout: ({ event }) => { const error = errorOf(event); return error instanceof AnswerUnavailableError && error.reason === 'timeout'; },
      /** On a failed question about a file: the file is the user's to fix (wrong type, too big). */
      isRefusedMedia: ({ event }) => refusalOf(errorOf(event)) !== undefined,
    },
    actions: {
      recordActivity: assign(({ context, event }) => (isUser(event) ? activityAfter(context, event) : {})),
      /** A new session's first message sets its language when nothing (the runtime, an earlier session) did. */
      guessLocale: assign({
        locale: ({ context, event }) => (isUser(event) ? localeAfterFirstMessage(context, event) : context.locale),
      }),
      chooseLocale: assign({ locale: ({ context, event }) => (isUser(event) ? read.localeChosen(event) : undefined) ?? context.locale }),
      openCategory: assign({
        category: ({ event }) => (isUser(event) ? (read.tappedCategory(event) ?? read.categoryByNumber(event))?.id : undefined),
      }),
      /** Kept for a handoff: the way back reopens the same list. */
      closeCategory: enqueueActions(({ event, check, enqueue }) => {
        if (!(means(event, 'agent') && check('isAgentInboxOn'))) enqueue.assign({ category: undefined });
      }),
      /** Handles the first message again, now that the welcome is out, as any later message. */
      reprocessMessage: raise(({ event }) => event),
      askTypedQuestion: raise(({ event }) => asked(typedAsk(event))),
      askTappedTopic: raise(({ event }) => asked({ kind: 'text', question: isUser(event) ? (read.tappedTopic(event)?.question ?? '') : '' })),
      askNumberedTopic: raise(({ context, event }) =>
        asked({ kind: 'text', question: isUser(event) ? (read.topicByNumber(event, context.category)?.question ?? '') : '' }),
      ),
      askAboutFile: raise(({ event }) => {
        const file = isUser(event) ? mediaQuestionOf(event) : undefined;
        return asked(file ? { kind: 'media', file } : undefined);
      }),
      askAgain: raise(({ context }) => asked(context.lastAsk)),
      offerContact: raise({ type: 'contact.offered' }),
      rememberAsk: assign({ lastAsk: ({ event }) => (event.type === 'question.asked' ? event.ask : undefined) }),
      enqueueAsk: assign({ queue: ({ context, event }) => (event.type === 'question.asked' ? [...context.queue, event.ask] : context.queue) }),
      /** Once an answer is out: the first question waiting goes to the CSS. */
      askNextInQueue: enqueueActions(({ context, enqueue }) => {
        const [next, ...rest] = context.queue;
        if (next === undefined) return;
        enqueue.assign({ queue: rest });
        enqueue.raise(asked(next));
      }),
      countFailure: assign({ failuresInRow: ({ context }) => context.failuresInRow + 1 }),
      forgetFailures: assign({ failuresInRow: 0 }),
      replyWelcome: emit(({ context, event }) => replies(context).welcome((isUser(event) ? event.profileName : undefined) ?? context.profileName)),
      replyWelcomeBack: emit(({ context, event }) =>
        replies(context).welcomeBack((isUser(event) ? event.profileName : undefined) ?? context.profileName),
      ),
      replyGreeting: emit(({ context }) => replies(context).greeting(context.profileName)),
      replySmallTalk: emit(({ context, event }) => {
        const meaning = isUser(event) ? read.meaningOf(event) : undefined;
        return replies(context).smallTalk(meaning === 'thanks' || meaning === 'goodbye' || meaning === 'questionMark' ? meaning : 'acknowledgement');
      }),
      replyHome: emit(({ context }) => replies(context).home),
      replyHelp: emit(({ context }) => replies(context).help),
      replyContact: emit(({ context }) => replies(context).contact),
      replyPension: emit(({ context }) => replies(context).pension),
      replyLanguageChoice: emit(({ context }) => replies(context).languageChoice),
      replyLanguageChosen: emit(({ context }) => replies(context).languageChosen),
      replyMenu: emit(({ context }) => replies(context).menu),
      replyCategory: emit(({ context }) => replies(context).category(context.category ?? '') ?? replies(context).menu),
      /** The answer; the first one given to a user of another language says that the CSS answers in French. */
      replyAnswer: enqueueActions(({ context, enqueue, event }) => {
        const sayInFrench = localeOf(context) !== REFERENCE_LOCALE && context.toldAnswersInFrench !== true;
        for (const message of replies(context).answer(answerOf(event), sayInFrench)) enqueue.emit(message);
        if (sayInFrench) enqueue.assign({ toldAnswersInFrench: true });
      }),
      replyNoAnswer: emit(({ context }) => replies(context).noAnswer),
      replyServiceDown: emit(({ context }) => replies(context).failure('down')),
      replyTimedOut: emit(({ context }) => replies(context).failure('timeout')),
      replyFailureAgain: emit(({ context }) => replies(context).failureAgain),
      replyQueued: emit(({ context }) => replies(context).queued),
      replyQueueFull: emit(({ context }) => replies(context).queueFull(context.queue.length)),
      replyNothingToRetry: emit(({ context }) => replies(context).nothingToRetry),
      replyCannotRead: emit(({ context }) => replies(context).cannotRead),
      replyMediaRefused: emit(({ context, event }) => replies(context).mediaRefused(refusalOf(errorOf(event)) ?? 'type')),
      replyNudge: emit(({ context }) => replies(context).nudge),
      /** The request itself is the agents' first message, with the last question the bot could not settle. */
      keepRequestForAgent: assign(({ context, event }) => {
        if (!isUser(event)) return { handoff: handoffFrom(0) };
        const { agent } = texts(context);
        const request = agent.request(agentTextOf(event, texts(context)), lastQuestionOf(context.lastAsk));
        return { handoff: keepFor(handoffFrom(event.at), forAgentOf(event, request, context.messageCount)) };
      }),
      keepForAgent: assign(({ context, event }) =>
        isUser(event) ? { handoff: keepFor(context.handoff, forAgentOf(event, agentTextOf(event, texts(context)), context.messageCount), event.at) } : {},
      ),
      /** Drops what reached the agents; a success ends an outage (the next one is told again). */
      markForwarded: assign(({ context, event }) => {
        const done = forwardedOf(event);
        return done ? { handoff: afterForward(context.handoff, done) } : {};
      }),
      markOutageTold: assign(({ context }) => ({ handoff: { ...(context.handoff ?? handoffFrom(0)), outageTold: true } })),
      markAgentReplied: assign(({ context }) => ({ handoff: { ...(context.handoff ?? handoffFrom(0)), agentReplied: true } })),
      forgetHandoff: assign({ handoff: undefined }),
      replyAgentComing: enqueueActions(({ context, enqueue, check }) => enqueue.emit(replies(context).agentComing(check('isOutOfAgentHours')))),
      replyAgentUnreachable: emit(({ context }) => replies(context).agentUnreachable),
      replyNoAgentYet: emit(({ context }) => replies(context).noAgentYet),
      replyNoAgentOnline: emit(({ context }) => replies(context).noAgentOnline),
      replyBackToBot: emit(({ context }) => replies(context).backToBot),
      /** An agent's reply, word for word. */
      relayAgentMessage: emit(({ event }) => say(event.type === 'agent.message' ? event.text : '')),
    },
  });
}

/** The output of an invoked actor's `xstate.done.actor.*` event (the runtime's answer), as text. */
const answerOf = (event: { type: string }): string => {
  const output: unknown = (event as { output?: unknown }).output;
  return typeof output === 'string' ? output : '';
};

/** The error of an invoked actor's `xstate.error.actor.*` event: a domain error class, matched by type. */
const errorOf = (event: { type: string }): unknown => (event as { error?: unknown }).error;

/** Whether an event comes from the user (the chart also raises events of its own). */
export const isUser = (event: CssAssistantEvent): event is UserEvent => event.type.startsWith('user.');
