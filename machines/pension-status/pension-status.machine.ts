import { and, assign, emit, fromPromise, setup } from 'xstate';
import type { ConversationInput, ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import type { OutboundMessage } from '../../src/domain/outbound.js';
import type { FileStatus } from '../../src/domain/file-status.js';
import { type Command, normalizeCommand, normalizeRegistrationNumber } from './commands.js';
import { texts } from './texts.fr.js';

/**
 * The pension-status form: the user gives a registration number, confirms it, and the CSS tells
 * where the file stands. Pure: replies are `emit`ted, the CSS lookup is the invoked actor
 * `lookupFileStatus` that the runtime provides, and time comes from each event's `at`.
 */

/** Invalid numbers in a row after which the form offers help and starts over. */
export const MAX_ATTEMPTS = 3;

/** Session data, persisted with the snapshot. */
export interface PensionStatusContext {
  readonly startedAt: number;
  readonly lastActivityAt: number;
  /** User events received in this session, including media and commands. */
  readonly messageCount: number;
  readonly profileName?: string;
  /** Invalid numbers typed in a row since the last valid one or the last restart. */
  readonly attempts: number;
  /** The normalized number being confirmed or looked up (kept after the answer). */
  readonly registrationNumber?: string;
}

type ButtonId = keyof typeof texts.buttons;

const reply = (message: OutboundMessage): ReplyEvent => ({ type: 'reply', message });
const say = (text: string): ReplyEvent => reply({ type: 'text', text });
const withButtons = (body: string, ids: readonly ButtonId[]): ReplyEvent =>
  reply({ type: 'buttons', body, buttons: ids.map((id) => ({ id, title: texts.buttons[id] })) });

/** The command a text or a tapped button stands for (button ids are the command names). */
const commandOf = (event: UserEvent): Command | undefined =>
  event.type === 'user.text' ? normalizeCommand(event.text) : event.type === 'user.choice' ? normalizeCommand(event.id) : undefined;
const numberOf = (event: UserEvent): string | undefined =>
  event.type === 'user.text' ? normalizeRegistrationNumber(event.text) : undefined;

/**
 * The pension-status statechart. States: `welcome` (new session) → `askingNumber` → `confirming` →
 * `lookingUp` (tag `busy`) → `showingStatus` | `notFound`, and `help`. Commands (`aide`, `annuler`,
 * `nouveau`, `corriger`), a typed number and media are handled at the root, so they work from every state.
 *
 * @example
 * const live = pensionStatusMachine.provide({ actors: { lookupFileStatus: fromPromise(({ input }) => files.status(input.registrationNumber)) } });
 */
export const pensionStatusMachine = setup({
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
    isRegistrationNumber: ({ event }) => numberOf(event) !== undefined,
    /** Typed text that is neither a command nor a valid number: a mistyped number, or a sentence. */
    isUnrecognizedText: ({ event }) => event.type === 'user.text' && commandOf(event) === undefined && numberOf(event) === undefined,
    isLastAttempt: ({ context }) => context.attempts + 1 >= MAX_ATTEMPTS,
    isFound: (_, params: { status: FileStatus }) => params.status.found,
  },
  actions: {
    recordActivity: assign(({ context, event }) => ({
      messageCount: context.messageCount + 1,
      lastActivityAt: event.at,
      profileName: event.profileName ?? context.profileName,
    })),
    rememberNumber: assign({ registrationNumber: ({ event }) => numberOf(event), attempts: 0 }),
    countAttempt: assign({ attempts: ({ context }) => context.attempts + 1 }),
    startOver: assign({ registrationNumber: undefined, attempts: 0 }),
    replyWelcome: emit(({ context }) => say(texts.welcome(context.profileName))),
    replyAskNumber: emit(() => withButtons(texts.askNumber, ['aide'])),
    replyInvalidNumber: emit(() => say(texts.invalidNumber)),
    replyTooManyAttempts: emit(() => say(texts.tooManyAttempts)),
    replyConfirm: emit(({ context }) => withButtons(texts.confirm(context.registrationNumber ?? ''), ['confirmer', 'corriger'])),
    replyStatus: emit(({ context }, params: { status: FileStatus }) =>
      withButtons(texts.status(context.registrationNumber ?? '', params.status.status, params.status.updatedAt), ['nouveau', 'aide']),
    ),
    replyNotFound: emit(({ context }) => withButtons(texts.notFound(context.registrationNumber ?? ''), ['corriger', 'aide'])),
    replyUnavailable: emit(() => say(texts.unavailable)),
    replyCancelled: emit(() => say(texts.cancelled)),
    replyHelp: emit(() => say(texts.help)),
    replyTextOnly: emit(() => say(texts.textOnly)),
  },
}).createMachine({
  id: 'pension-status',
  initial: 'welcome',
  context: ({ input }) => ({
    startedAt: input.at,
    lastActivityAt: input.at,
    messageCount: 0,
    attempts: 0,
    profileName: input.profileName,
  }),
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
          { guard: 'isHelpCommand', target: 'help', actions: ['recordActivity', 'replyWelcome'] },
          { target: 'askingNumber', actions: ['recordActivity', 'replyWelcome'] },
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
        // The CSS cannot tell now: apologise and ask again, so the user can retry.
        onError: { target: 'askingNumber', actions: 'replyUnavailable' },
      },
    },
    showingStatus: {},
    notFound: { entry: 'replyNotFound' },
    help: { entry: 'replyHelp' },
  },
});
