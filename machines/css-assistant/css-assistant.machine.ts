import { and, or, type AnyStateMachine } from 'xstate';
import { activityFrom, localeFrom } from '../kit/index.js';
import { mediaInput, questionInput } from './asks.js';
import type { CssAssistantContent } from './content.js';
import { cssAssistantSetup } from './css-assistant.setup.js';
import { withAgent } from './with-agent.js';

export { type CssAssistantContext } from './css-assistant.setup.js';

/** What happens to a question with the CSS, answered or not; the same for typed questions, topics and files. */
const READY = '#css-assistant.question.ready';
const outcomes = {
  onDone: [
    { guard: 'hasAnswer', target: READY, actions: ['forgetFailures', 'replyAnswer', 'askNextInQueue'] },
    { guard: 'isRepeatedFailure', target: READY, actions: ['forgetFailures', 'replyFailureAgain', 'offerContact', 'askNextInQueue'] },
    { target: READY, actions: ['countFailure', 'replyNoAnswer', 'askNextInQueue'] },
  ],
  onError: [
    { guard: 'isRepeatedFailure', target: READY, actions: ['forgetFailures', 'replyFailureAgain', 'offerContact', 'askNextInQueue'] },
    { guard: 'isTimeout', target: READY, actions: ['countFailure', 'replyTimedOut', 'askNextInQueue'] },
    { target: READY, actions: ['countFailure', 'replyServiceDown', 'askNextInQueue'] },
  ],
} as const;

/**
 * The CSS assistant: a citizen asks questions (answered in French, the rest said in French, English or Wolof), sends a photo or a PDF to ask about, browses a
 * numbered menu of frequent questions, asks for help, a person or their pension. Two regions side by side:
 *
 * - `dialog`: where the user is (`welcome` → `idle` | `menu` | `category` | `help` | `contact` | `pension`).
 *   It reads every message: commands, small talk, taps, typed row numbers and `0`/`retour` work from every
 *   state; anything else is a question, raised for the other region.
 * - `question`: what is with the CSS (`ready`, or `waiting` with `asking` / `askingAboutFile`, tag `busy`).
 *   A question sent while another is with the CSS waits in a bounded queue and is asked once the answer is out
 *   (`askNextInQueue`). Leaving
 *   a dialog state never cancels a question: `menu` or `aide` answer at once while the CSS works.
 *
 * Pure: replies are `emit`ted, the CSS API is the actors `askQuestion` and `askAboutMedia` that the runtime
 * provides, and time comes from each event's `at`.
 *
 * @example
 * const live = createCssAssistantMachine(frenchContent).provide({ actors: { askQuestion: fromPromise(({ input }) => css.ask(input.question)) } });
 */
export function createCssAssistantMachine(content: CssAssistantContent): AnyStateMachine {
  return cssAssistantSetup(content).createMachine({
    id: 'css-assistant',
    type: 'parallel',
    context: ({ input }) => ({ ...activityFrom(input), ...localeFrom(input), returning: input.returning !== undefined, queue: [], failuresInRow: 0 }),
    // An agent's late reply, after the hand-back, still reaches the user (the runtime holds it outside Meta's window).
    on: { 'agent.message': { actions: 'relayAgentMessage' } },
    states: {
      dialog: {
        initial: 'welcome',
        // Shared by every dialog state: taps, commands, small talk and questions work from anywhere.
        on: {
          'user.*': [
            { guard: 'isCategoryChoice', target: '.category', actions: ['recordActivity', 'openCategory'] },
            { guard: 'isTopicChoice', actions: ['recordActivity', 'askTappedTopic'] },
            { guard: 'isHelpCommand', target: '.help', actions: 'recordActivity' },
            { guard: 'isMenuCommand', target: '.menu', actions: 'recordActivity' },
            { guard: 'isContactRequest', target: '.contact', actions: ['recordActivity', 'replyContact'] },
            // Re-entering the dialog records where the user was, for the way back (`hist`).
            { guard: and(['isAgentRequest', 'isAgentInboxOn']), target: '.withAgent', reenter: true, actions: ['recordActivity', 'keepRequestForAgent'] },
            { guard: 'isAgentRequest', target: '.contact', actions: ['recordActivity', 'replyNoAgentOnline'] },
            { guard: 'isPensionCommand', target: '.pension', actions: 'recordActivity' },
            { guard: 'isLanguageCommand', target: '.language', actions: 'recordActivity' },
            { guard: 'isLocaleChoice', target: '.idle', actions: ['recordActivity', 'chooseLocale', 'replyLanguageChosen'] },
            { guard: 'isBackCommand', target: '.menu', actions: 'recordActivity' },
            { guard: and(['isRetryCommand', 'hasLastAsk']), actions: ['recordActivity', 'askAgain'] },
            { guard: 'isRetryCommand', actions: ['recordActivity', 'replyNothingToRetry'] },
            { guard: 'isGreeting', actions: ['recordActivity', 'replyGreeting'] },
            { guard: 'isSmallTalk', actions: ['recordActivity', 'replySmallTalk'] },
            // A number with no list open, or a tap this version no longer knows: show where the user can go.
            { guard: 'isNumber', target: '.menu', actions: 'recordActivity' },
            { guard: 'isTap', target: '.menu', actions: 'recordActivity' },
            { actions: ['recordActivity', 'askTypedQuestion'] },
          ],
          'user.media': [
            { guard: 'isAnswerableMedia', actions: ['recordActivity', 'askAboutFile'] },
            // Audio, video, stickers, other documents: say what can be read, and stay where the user was.
            { actions: ['recordActivity', 'replyCannotRead'] },
          ],
          'user.other': { actions: ['recordActivity', 'replyCannotRead'] },
          'contact.offered': '.contact',
        },
        states: {
          /** A new session: its first message gets the welcome (or, for a user back, one short line) first. */
          welcome: {
            on: {
              'user.*': [
                // Each first: the language of the session is guessed from its first message, unless already known.
                {
                  guard: and(['isReturning', or(['isGreeting', 'isSmallTalk'])]),
                  target: 'idle',
                  actions: ['guessLocale', 'recordActivity', 'replyWelcomeBack'],
                },
                // A user back who asks or commands straight away gets just that (its reply carries the buttons).
                { guard: 'isReturning', target: 'idle', actions: ['guessLocale', 'reprocessMessage'] },
                { guard: 'isGreeting', target: 'idle', actions: ['guessLocale', 'recordActivity', 'replyWelcome'] },
                { guard: 'isSmallTalk', target: 'idle', actions: ['guessLocale', 'recordActivity', 'replyWelcome'] },
                { target: 'idle', actions: ['guessLocale', 'replyWelcome', 'reprocessMessage'] },
              ],
            },
          },
          idle: {},
          menu: {
            entry: 'replyMenu',
            // Once per visit, when the runtime turns it on: staying in the menu does not re-arm it.
            after: { menuNudge: { guard: 'isMenuNudgeOn', actions: 'replyNudge' } },
            on: {
              'user.text': [
                { guard: 'isCategoryNumber', target: 'category', actions: ['recordActivity', 'openCategory'] },
                { guard: 'isBackCommand', target: 'idle', actions: ['recordActivity', 'replyHome'] },
                { guard: 'isNumber', actions: ['recordActivity', 'replyMenu'] },
              ],
              'user.choice': { guard: 'isBackCommand', target: 'idle', actions: ['recordActivity', 'replyHome'] },
            },
          },
          category: {
            entry: 'replyCategory',
            exit: 'closeCategory',
            on: {
              'user.text': [
                { guard: 'isTopicNumber', actions: ['recordActivity', 'askNumberedTopic'] },
                { guard: 'isBackCommand', target: 'menu', actions: 'recordActivity' },
                { guard: 'isNumber', actions: ['recordActivity', 'replyCategory'] },
              ],
              'user.choice': { guard: 'isBackCommand', target: 'menu', actions: 'recordActivity' },
            },
          },
          help: { entry: 'replyHelp' },
          /**
           * Contact details and how to file a complaint (said by the transitions in, so that repeated failures
           * can bring the user here with one message). A live agent taking over will start from this state.
           */
          contact: {},
          pension: { entry: 'replyPension' },
          /** Which language to speak: three buttons; the choice itself is read where every state sees it. */
          language: { entry: 'replyLanguageChoice' },
          /** Where the user was when a person took over: the way back once the agent resolves. */
          hist: { type: 'history', target: 'idle' },
          withAgent,
        },
      },
      question: {
        initial: 'ready',
        states: {
          ready: {
            on: {
              'question.asked': [
                { guard: 'isMediaAsk', target: 'waiting.askingAboutFile', actions: 'rememberAsk' },
                { target: 'waiting.asking', actions: 'rememberAsk' },
              ],
            },
          },
          /** One question is with the CSS; the next ones wait their turn. */
          waiting: {
            initial: 'asking',
            on: {
              // One notice per wait, not one per question: every message is billed.
              'question.asked': [
                { guard: 'isQueueFull', actions: 'replyQueueFull' },
                { guard: 'isQueueEmpty', actions: ['enqueueAsk', 'replyQueued'] },
                { actions: 'enqueueAsk' },
              ],
            },
            states: {
              asking: {
                tags: 'busy',
                invoke: { id: 'askQuestion', src: 'askQuestion', input: ({ context }) => questionInput(context.lastAsk), ...outcomes },
              },
              askingAboutFile: {
                tags: 'busy',
                invoke: {
                  id: 'askAboutMedia',
                  src: 'askAboutMedia',
                  input: ({ context }) => mediaInput(context.lastAsk),
                  onDone: outcomes.onDone,
                  // A wrong type or a file too big is the user's to fix: say what is accepted.
                  onError: [{ guard: 'isRefusedMedia', target: READY, actions: ['replyMediaRefused', 'askNextInQueue'] }, ...outcomes.onError],
                },
              },
            },
          },
        },
      },
    },
  });
}
