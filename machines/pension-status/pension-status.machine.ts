import { and, assign, emit, fromPromise, setup } from 'xstate';
import type { ConversationInput, ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import { AnswerUnavailableError } from '../../src/domain/errors.js';
import type { FileStatus } from '../../src/domain/file-status.js';
import type { Locale, Messages } from '../../src/domain/locale.js';
import {
  type ActivityContext, activityAfter, activityFrom, buttonsFrom, localeAfterFirstMessage, type LocaleContext, localeFrom, localeOf, say,
  withButtons, wordsOf,
} from '../kit/index.js';
import { type Command, normalizeCommand, normalizeRegistrationNumber } from './commands.js';
import { type PensionTexts, pensionTextsIn } from './texts.js';

/**
 * The pension-status form: the user gives a registration number, confirms it, and the CSS tells
 * where the file stands. Pure: replies are `emit`ted, the CSS lookup is the invoked actor
 * `lookupFileStatus` that the runtime provides, and time comes from each event's `at`.
 */

/** Invalid numbers in a row after which the form offers help and starts over. */
export const MAX_ATTEMPTS = 3;

/** Session data, persisted with the snapshot. */
export interface PensionStatusContext extends ActivityContext, LocaleContext {
  /** Invalid numbers typed in a row since the last valid one or the last restart. */
  readonly attempts: number;
  /** The normalized number being confirmed or looked up (kept after the answer). */
  readonly registrationNumber?: string;
}

type ButtonId = keyof PensionTexts['buttons'];

/** The command a text or a tapped button stands for (button ids are the command names). */
const commandOf = (event: UserEvent): Command | undefined => {
  const words = wordsOf(event);
  return words === undefined ? undefined : normalizeCommand(words);
};
const numberOf = (event: UserEvent): string | undefined =>
  event.type === 'user.text' ? normalizeRegistrationNumber(event.text) : undefined;

/**
 * The pension-status statechart, speaking `messages` (French, or the user's language when known: given by the
 * runtime, remembered, or guessed from the first message). States: `welcome` (new session) → `askingNumber` → `confirming` →
 * `lookingUp` (tag `busy`) → `showingStatus` | `notFound` | `unavailable`, and `help`. Commands (`aide`, `annuler`,
 * `nouveau`, `corriger`), a typed number and media are handled at the root, so they work from every state.
 *
 * @example
 * const live = createPensionStatusMachine(messages).provide({ actors: { lookupFileStatus: fromPromise(({ input }) => files.status(input.registrationNumber)) } });
 */
export function createPensionStatusMachine(messages: Messages) {
  const byLocale = new Map<Locale, PensionTexts>();
  /** The texts in the conversation's language. */
  const textsFor = (context: PensionStatusContext): PensionTexts => {
    const locale = localeOf(context);
    let found = byLocale.get(locale);
    if (found === undefined) byLocale.set(locale, (found = pensionTextsIn(messages, locale)));
    return found;
  };
  const buttons = (context: PensionStatusContext, ...ids: ButtonId[]) => buttonsFrom(textsFor(context).buttons, ids);
  return setup({
    types: {
      context: {} as PensionStatusContext,
      events: {} as UserEvent,
      emitted: {} as ReplyEvent,
      input: {} as ConversationInput,
      tags: 'busy',
    },
    actors: {
      lookupFileStatus: fromPromise<FileStatus, { registrationNumber: string }>(() =>
        Promise.reject(new Error('lookupFileStatus was not provided: pass it with machine.provide({ actors })')),
      ),
    },
    guards: {
      isHelpCommand: ({ event }) => commandOf(event) === 'aide',
      isCancelCommand: ({ event }) => commandOf(event) === 'annuler',
      isNewCommand: ({ event }) => commandOf(event) === 'nouveau',
      isConfirmCommand: ({ event }) => commandOf(event) === 'confirmer',
      isCorrectCommand: ({ event }) => commandOf(event) === 'corriger',
      isRetryCommand: ({ event }) => commandOf(event) === 'reessayer',
      isRegistrationNumber: ({ event }) => numberOf(event) !== undefined,
      /** Typed text that is neither a command nor a valid number: a mistyped number, or a sentence. */
      isUnrecognizedText: ({ event }) => event.type === 'user.text' && commandOf(event) === undefined && numberOf(event) === undefined,
      isLastAttempt: ({ context }) => context.attempts + 1 >= MAX_ATTEMPTS,
      isFound: (_, params: { status: FileStatus }) => params.status.found,
      /** The CSS took longer than CSS_API_TIMEOUT_MS; any other failure means the service is down. */
      isTimeout: (_, params: { error: unknown }) => params.error instanceof AnswerUnavailableError && params.error.reason === 'timeout',
    },
    actions: {
      recordActivity: assign(({ context, event }) => activityAfter(context, event)),
      /** A new session's first message sets its language when nothing (the runtime, an earlier session) did. */
      guessLocale: assign({ locale: ({ context, event }) => localeAfterFirstMessage(context, event) }),
      rememberNumber: assign({ registrationNumber: ({ event }) => numberOf(event), attempts: 0 }),
      countAttempt: assign({ attempts: ({ context }) => context.attempts + 1 }),
      startOver: assign({ registrationNumber: undefined, attempts: 0 }),
      replyWelcome: emit(({ context }) => say(textsFor(context).welcome(context.profileName))),
      replyAskNumber: emit(({ context }) => withButtons(textsFor(context).askNumber, buttons(context, 'aide'))),
      replyInvalidNumber: emit(({ context }) => say(textsFor(context).invalidNumber)),
      replyTooManyAttempts: emit(({ context }) => say(textsFor(context).tooManyAttempts)),
      replyConfirm: emit(({ context }) =>
        withButtons(textsFor(context).confirm(context.registrationNumber ?? ''), buttons(context, 'confirmer', 'corriger')),
      ),
      replyStatus: emit(({ context }, params: { status: FileStatus }) =>
        withButtons(
          textsFor(context).status(context.registrationNumber ?? '', params.status.status, params.status.updatedAt),
          buttons(context, 'nouveau', 'aide'),
        ),
      ),
      replyNotFound: emit(({ context }) => withButtons(textsFor(context).notFound(context.registrationNumber ?? ''), buttons(context, 'corriger', 'aide'))),
      replyUnavailable: emit(({ context }) =>
        withButtons(textsFor(context).unavailable(context.registrationNumber ?? ''), buttons(context, 'reessayer', 'nouveau', 'aide')),
      ),
      replyTimedOut: emit(({ context }) =>
        withButtons(textsFor(context).timedOut(context.registrationNumber ?? ''), buttons(context, 'reessayer', 'nouveau', 'aide')),
      ),
      replyCancelled: emit(({ context }) => say(textsFor(context).cancelled)),
      replyHelp: emit(({ context }) => say(textsFor(context).help)),
      replyTextOnly: emit(({ context }) => say(textsFor(context).textOnly)),
    },
  }).createMachine({
    id: 'pension-status',
    initial: 'welcome',
    context: ({ input }) => ({ ...activityFrom(input), ...localeFrom(input), attempts: 0 }),
    // Shared by every state (texts and taps alike): commands, a typed number, and anything unexpected.
    on: {
      'user.*': [
        { guard: 'isHelpCommand', target: '.help', actions: 'recordActivity' },
        { guard: 'isCancelCommand', target: '.askingNumber', actions: ['recordActivity', 'startOver', 'replyCancelled'] },
        { guard: 'isNewCommand', target: '.askingNumber', actions: ['recordActivity', 'startOver'] },
        { guard: 'isCorrectCommand', target: '.askingNumber', actions: 'recordActivity' },
        { guard: 'isRegistrationNumber', target: '.confirming', actions: ['recordActivity', 'rememberNumber'] },
        // Free text outside the number question, or a tap this state does not expect: ask for the number.
        { target: '.askingNumber', actions: 'recordActivity' },
      ],
      'user.media': { actions: ['recordActivity', 'replyTextOnly'] },
      'user.other': { actions: ['recordActivity', 'replyTextOnly'] },
    },
    states: {
      /** A new session: its first message, whatever it is, gets the welcome first. */
      welcome: {
        on: {
          'user.*': [
            { guard: 'isRegistrationNumber', target: 'confirming', actions: ['recordActivity', 'replyWelcome', 'rememberNumber'] },
            { guard: 'isHelpCommand', target: 'help', actions: ['guessLocale', 'recordActivity', 'replyWelcome'] },
            { target: 'askingNumber', actions: ['guessLocale', 'recordActivity', 'replyWelcome'] },
          ],
          // A photo of the registration card, say: tell why it cannot be read before asking.
          'user.media': { target: 'askingNumber', actions: ['recordActivity', 'replyWelcome', 'replyTextOnly'] },
          'user.other': { target: 'askingNumber', actions: ['recordActivity', 'replyWelcome', 'replyTextOnly'] },
        },
      },
      askingNumber: {
        entry: 'replyAskNumber',
        on: {
          'user.text': [
            {
              guard: and(['isUnrecognizedText', 'isLastAttempt']),
              target: 'askingNumber',
              reenter: true,
              actions: ['recordActivity', 'startOver', 'replyTooManyAttempts'],
            },
            { guard: 'isUnrecognizedText', actions: ['recordActivity', 'countAttempt', 'replyInvalidNumber'] },
          ],
        },
      },
      confirming: {
        entry: 'replyConfirm',
        on: {
          'user.*': [
            { guard: 'isConfirmCommand', target: 'lookingUp', actions: 'recordActivity' },
            { guard: 'isCorrectCommand', target: 'askingNumber', actions: 'recordActivity' },
            // Anything but a button, a command or a new number: show the question again.
            { guard: 'isUnrecognizedText', target: 'confirming', reenter: true, actions: 'recordActivity' },
          ],
        },
      },
      lookingUp: {
        tags: 'busy',
        invoke: {
          id: 'lookupFileStatus',
          src: 'lookupFileStatus',
          input: ({ context }) => ({ registrationNumber: context.registrationNumber ?? '' }),
          onDone: [
            {
              guard: { type: 'isFound', params: ({ event }) => ({ status: event.output }) },
              target: 'showingStatus',
              actions: { type: 'replyStatus', params: ({ event }) => ({ status: event.output }) },
            },
            { target: 'notFound' },
          ],
          // The CSS cannot tell now: say whether it is slow or down (never "no file"), and offer to try again.
          onError: [
            { guard: { type: 'isTimeout', params: ({ event }) => ({ error: event.error }) }, target: 'unavailable', actions: 'replyTimedOut' },
            { target: 'unavailable', actions: 'replyUnavailable' },
          ],
        },
      },
      /** The lookup failed: the number is kept, [Réessayer] looks it up again. */
      unavailable: {
        on: { 'user.*': { guard: 'isRetryCommand', target: 'lookingUp', actions: 'recordActivity' } },
      },
      showingStatus: {},
      notFound: { entry: 'replyNotFound' },
      help: { entry: 'replyHelp' },
    },
  });
}
