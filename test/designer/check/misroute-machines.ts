/**
 * A small menu assistant built the way the CSS assistant is (root commands, a menu list of categories read
 * from texts, typed digits, a question actor), with one designer's mistake switched on at a time: the
 * check's misroute tests break it on purpose.
 */

import { type AnyStateMachine, assign, emit, fromPromise, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import { buttons, choice, list, text } from './broken-machines.js';

export interface Category {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly topics: readonly { readonly id: string; readonly title: string }[];
}

const category = (n: number, topics = 2): Category => ({
  id: `cat${n}`,
  title: `Thème ${n}`,
  intro: `Questions du thème ${n}`,
  topics: Array.from({ length: topics }, (_, i) => ({ id: `cat${n}.t${i + 1}`, title: `Question ${n}.${i + 1}` })),
});

/** `count` categories of `topics` topics each: the texts of the test machine. */
export const categoriesOf = (count: number, topics = 2): Category[] => Array.from({ length: count }, (_, i) => category(i + 1, topics));

export const texts = { welcome: 'Bienvenue', help: 'Aide : tapez menu', menu: 'Choisissez un thème', restartNotice: 'Notre assistant a été mis à jour.' };

/** The mistakes the tests switch on. */
export interface Mistakes {
  /** The menu offers a row no guard recognises (it falls to the root's catch-all). */
  readonly unknownRow?: boolean;
  /** `form` takes every text without a guard: commands typed there never reach the root. */
  readonly swallowingForm?: boolean;
  /** …and the designer says it is deliberate. */
  readonly deliberateForm?: boolean;
  /** `bye` is a top-level final state. */
  readonly finalBye?: boolean;
  /** Typed digits are hard-coded 1–4, whatever the number of categories. */
  readonly digitsUpTo4?: boolean;
}

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent, context: {} as { category?: string } };

/**
 * The test machine and its definition, with `categories` as its menu.
 *
 * @example
 * const { definition } = menuAssistant(categoriesOf(5), { digitsUpTo4: true });
 */
export function menuAssistant(categories: readonly Category[], mistakes: Mistakes = {}): { definition: MachineDefinition; machine: AnyStateMachine } {
  const digitOf = (event: UserEvent): number | undefined => {
    if (event.type !== 'user.text') return undefined;
    const match = (mistakes.digitsUpTo4 ? /^([1-4])$/ : /^(\d{1,2})$/).exec(event.text.trim());
    return match ? Number(match[1]) : undefined;
  };
  const picked = (event: UserEvent): Category | undefined =>
    event.type === 'user.choice' ? categories.find((c) => c.id === event.id) : categories[(digitOf(event) ?? 0) - 1];
  const rows = categories.map(({ id, title }) => ({ id, title }));
  const machine = setup({
    types,
    actors: { askQuestion: fromPromise<string, { question: string }>(() => Promise.reject(new Error('askQuestion was not provided'))) },
    guards: {
      isMenuCommand: ({ event }) => (event.type === 'user.text' && event.text === 'menu') || (event.type === 'user.choice' && event.id === 'menu'),
      isHelpCommand: ({ event }) => (event.type === 'user.text' && event.text === 'aide') || (event.type === 'user.choice' && event.id === 'aide'),
      isFormCommand: ({ event }) => event.type === 'user.text' && event.text === 'formulaire',
      isByeCommand: ({ event }) => event.type === 'user.text' && event.text === 'au revoir',
      isCategoryPick: ({ event }) => picked(event) !== undefined,
      isTopicPick: ({ event }) => event.type === 'user.choice' && categories.some((c) => c.topics.some((t) => t.id === event.id)),
    },
    actions: {
      openCategory: assign({ category: ({ event }) => picked(event)?.id }),
      replyWelcome: emit(() => buttons(texts.welcome, [{ id: 'menu', title: 'Menu' }, { id: 'aide', title: 'Aide' }])),
      replyHelp: emit(() => buttons(texts.help, [{ id: 'menu', title: 'Menu' }])),
      replyMenu: emit(() => list(texts.menu, mistakes.unknownRow ? [...rows, { id: 'rdv', title: 'Prendre rendez-vous' }] : rows)),
      replyCategory: emit(({ context }) => {
        const open = categories.find((c) => c.id === context.category);
        return list(open?.intro ?? texts.menu, (open?.topics ?? []).map(({ id, title }) => ({ id, title })));
      }),
      replyForm: emit(() => ({ type: 'reply', message: { type: 'text', text: 'Votre nom ?' } }) as ReplyEvent),
      replyAnswer: emit(() => ({ type: 'reply', message: { type: 'text', text: 'Réponse' } }) as ReplyEvent),
    },
  }).createMachine({
    id: 'menu-assistant',
    initial: 'idle',
    context: {},
    on: {
      'user.text': [
        { guard: 'isMenuCommand', target: '.menu' },
        { guard: 'isHelpCommand', target: '.help' },
        { guard: 'isFormCommand', target: '.form' },
        { guard: 'isByeCommand', target: '.bye' },
        { target: '.answering' },
      ],
      'user.choice': [
        { guard: 'isMenuCommand', target: '.menu' },
        { guard: 'isHelpCommand', target: '.help' },
        { guard: 'isCategoryPick', target: '.category', actions: 'openCategory' },
        { target: '.menu' },
      ],
    },
    states: {
      idle: { entry: 'replyWelcome' },
      menu: { entry: 'replyMenu', on: { 'user.text': { guard: 'isCategoryPick', target: 'category', actions: 'openCategory' } } },
      category: { entry: 'replyCategory', on: { 'user.choice': { guard: 'isTopicPick', target: 'answering' } } },
      help: { entry: 'replyHelp' },
      form: {
        entry: 'replyForm',
        ...(mistakes.swallowingForm ? { on: { 'user.text': { target: 'idle', ...(mistakes.deliberateForm ? { meta: { catchAll: 'the next text is the name' } } : {}) } } } : {}),
      },
      bye: mistakes.finalBye ? { type: 'final' } : {},
      answering: {
        tags: 'busy',
        invoke: { src: 'askQuestion', input: () => ({ question: 'q' }), onDone: { target: 'idle', actions: 'replyAnswer' }, onError: 'idle' },
      },
    },
  });
  const sampleEvents: UserEvent[] = [
    text('bonjour'),
    text('menu'),
    text('aide'),
    text('formulaire'),
    text('au revoir'),
    choice('menu', 'Menu'),
    choice('aide', 'Aide'),
    ...categories.map((c) => choice(c.id, c.title)),
    ...categories.flatMap((c) => c.topics.map((t) => choice(t.id, t.title))),
  ];
  // An answer brings the welcome back (up to three messages with the opening one): these machines test routing, not
  // cost (see message-ceiling.test.ts).
  const definition: MachineDefinition = {
    id: 'menu-assistant', version: 1, machine, sampleEvents, restartNotice: texts.restartNotice, messageCeiling: { perUserMessage: 3 },
  };
  return { definition, machine };
}
