/**
 * The named parts of the CSS assistant's chart: its types, the effects it invokes, its guards (questions the
 * chart asks of a message or of the context) and its actions (replies and context updates). The chart itself
 * is in `css-assistant.machine.ts`; both are built from a content, so the words live in the texts files only.
 */

import { assign, emit, enqueueActions, fromPromise, raise, setup } from 'xstate';
import type { AgentEvent, AgentForwardInput, AgentForwardOutput, ConversationInput, ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import { AnswerUnavailableError } from '../../src/domain/errors.js';
import type { MediaQuestion } from '../../src/domain/media-question.js';
import { activityAfter, afterForward, forAgentOf, forwardedOf, handoffFrom, keepFor, say, type ActivityContext, type Handoff } from '../kit/index.js';
import type { Ask } from './asks.js';
import type { CssAssistantContent } from './content.js';
import { agentTextOf, lastQuestionOf } from './handoff.js';
import { mediaQuestionOf, refusalOf } from './media.js';
import { createReading, SMALL_TALK } from './reading.js';
import { createReplies } from './replies.js';

/**
 * Questions waiting behind the one with the CSS: as many as a user may send in a minute before flood control steps
 * in (INBOUND_PER_MINUTE, 20 by default), so a fast typist loses none; bounded all the same.
 */
export const MAX_QUEUED = 20;

/** Failures in a row (errors or answers not found) after which the contact details come by themselves. */
export const FAILURES_BEFORE_CONTACT = 2;

/** Session data, persisted with the snapshot. */
export interface CssAssistantContext extends ActivityContext {
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
  const replies = createReplies(content);
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
      isSmallTalk: ({ event }) => isUser(event) && SMALL_TALK.has(read.meaningOf(event) ?? 'menu'),
      isCategoryChoice: ({ event }) => isUser(event) && read.tappedCategory(event) !== undefined,
      isTopicChoice: ({ event }) => isUser(event) && read.tappedTopic(event) !== undefined,
      isCategoryNumber: ({ event }) => isUser(event) && read.categoryByNumber(event) !== undefined,
      isTopicNumber: ({ context, event }) => isUser(event) && read.topicByNumber(event, context.category) !== undefined,
      /** A number that picks nothing where the user is. */
      isNumber: ({ event }) => isUser(event) && read.numberOf(event) !== undefined,
      isTap: ({ event }) => event.type === 'user.choice',
      isAnswerableMedia: ({ event }) => isUser(event) && mediaQuestionOf(event, content.texts) !== undefined,
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
        const file = isUser(event) ? mediaQuestionOf(event, content.texts) : undefined;
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
      replyWelcome: emit(({ context, event }) => replies.welcome((isUser(event) ? event.profileName : undefined) ?? context.profileName)),
      replyWelcomeBack: emit(({ context, event }) => replies.welcomeBack((isUser(event) ? event.profileName : undefined) ?? context.profileName)),
      replyGreeting: emit(({ context }) => replies.greeting(context.profileName)),
      replySmallTalk: emit(({ event }) => {
        const meaning = isUser(event) ? read.meaningOf(event) : undefined;
        return replies.smallTalk(meaning === 'thanks' || meaning === 'goodbye' || meaning === 'questionMark' ? meaning : 'acknowledgement');
      }),
      replyHome: emit(replies.home),
      replyHelp: emit(replies.help),
      replyContact: emit(replies.contact),
      replyPension: emit(replies.pension),
      replyMenu: emit(replies.menu),
      replyCategory: emit(({ context }) => {
        const category = read.categoryById(context.category ?? '');
        return category ? replies.category(category) : replies.menu;
      }),
      replyAnswer: enqueueActions(({ enqueue, event }) => {
        for (const message of replies.answer(answerOf(event))) enqueue.emit(message);
      }),
      replyNoAnswer: emit(replies.noAnswer),
      replyServiceDown: emit(replies.failure('down')),
      replyTimedOut: emit(replies.failure('timeout')),
      replyFailureAgain: emit(replies.failureAgain),
      replyQueued: emit(replies.queued),
      replyQueueFull: emit(replies.queueFull),
      replyNothingToRetry: emit(replies.nothingToRetry),
      replyCannotRead: emit(replies.cannotRead),
      replyMediaRefused: emit(({ event }) => replies.mediaRefused(refusalOf(errorOf(event)) ?? 'type')),
      replyNudge: emit(replies.nudge),
      /** The request itself is the agents' first message, with the last question the bot could not settle. */
      keepRequestForAgent: assign(({ context, event }) => ({
        handoff: isUser(event)
          ? keepFor(handoffFrom(event.at), forAgentOf(event, content.texts.agent.request(agentTextOf(event, content.texts), lastQuestionOf(context.lastAsk)), context.messageCount))
          : handoffFrom(0),
      })),
      keepForAgent: assign(({ context, event }) =>
        isUser(event) ? { handoff: keepFor(context.handoff, forAgentOf(event, agentTextOf(event, content.texts), context.messageCount), event.at) } : {},
      ),
      /** Drops what reached the agents; a success ends an outage (the next one is told again). */
      markForwarded: assign(({ context, event }) => {
        const done = forwardedOf(event);
        return done ? { handoff: afterForward(context.handoff, done) } : {};
      }),
      markOutageTold: assign(({ context }) => ({ handoff: { ...(context.handoff ?? handoffFrom(0)), outageTold: true } })),
      markAgentReplied: assign(({ context }) => ({ handoff: { ...(context.handoff ?? handoffFrom(0)), agentReplied: true } })),
      forgetHandoff: assign({ handoff: undefined }),
      replyAgentComing: enqueueActions(({ enqueue, check }) =>
        enqueue.emit(say(check('isOutOfAgentHours') ? content.texts.agent.outOfHours : content.texts.agent.coming)),
      ),
      replyAgentUnreachable: emit(say(content.texts.agent.unreachable)),
      replyNoAgentYet: emit(say(content.texts.agent.noReplyYet)),
      replyNoAgentOnline: emit(replies.noAgentOnline),
      replyBackToBot: emit(say(content.texts.agent.back)),
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
