import { describe, expect, it } from '@jest/globals';
import { emit, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { checkMachine, formatProblems } from '../../../src/designer/check/index.js';
import { buttons, choice, definitionOf, list, text } from './broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };

/** Shows `reply` on entering `asking`; anything the user sends then starts over (deliberately), so every id is handled. */
const showing = (id: string, reply: ReplyEvent) =>
  setup({ types, actions: { replyChoices: emit(() => reply) } }).createMachine({
    id,
    initial: 'start',
    states: {
      start: { on: { 'user.text': 'asking' } },
      asking: { entry: 'replyChoices', on: { 'user.*': { target: 'start', meta: { catchAll: 'any answer will do' } } } },
    },
  });

describe('checkMachine: Cloud API limits on replies', () => {
  it('reports a button title over 20 characters, at the state it is sent into', () => {
    const machine = showing('long-button', buttons('Que voulez-vous faire ?', [{ id: 'pay', title: 'Payer mes cotisations' }]));

    expect(checkMachine(definitionOf(machine, [text('bonjour'), choice('pay')]))).toEqual([
      { machine: 'long-button', state: 'asking', field: 'buttons[0].title', message: '21 characters, the Cloud API allows 20: shorten it' },
    ]);
  });

  it('reports a list row title over 24 characters, in the words designers read', () => {
    const rows = [
      { id: 'a', title: 'Cotisations' },
      { id: 'b', title: 'Prestations' },
      { id: 'c', title: 'Allocations familiales !!' },
    ];
    const machine = showing('menu', list('Choisissez un thème', rows));

    const problems = checkMachine(definitionOf(machine, [text('bonjour'), ...rows.map((row) => choice(row.id, row.title))]));
    expect(formatProblems(problems)).toBe('menu › asking › sections[0].rows[2].title: 25 characters, the Cloud API allows 24: shorten it');
  });

  it('reports more than 3 buttons and repeated titles', () => {
    const four = ['Menu', 'Aide', 'Contact', 'Menu'].map((title, i) => ({ id: `b${i}`, title }));
    const machine = showing('crowded', buttons('Choisissez', four));

    expect(checkMachine(definitionOf(machine, [text('bonjour'), choice('b0')])).map(({ field, message }) => `${field}: ${message}`)).toEqual([
      'buttons: 4 buttons, the Cloud API allows 3: keep at most 3',
      'buttons[3].title: "Menu" is used 2 times in the message, it must be unique: make each one different',
    ]);
  });

  it('reports a text over 4096 characters and an empty one', () => {
    const machine = setup({
      types,
      actions: {
        replyLong: emit((): ReplyEvent => ({ type: 'reply', message: { type: 'text', text: 'x'.repeat(4097) } })),
        replyEmpty: emit((): ReplyEvent => ({ type: 'reply', message: { type: 'text', text: ' ' } })),
      },
    }).createMachine({
      id: 'texts',
      initial: 'idle',
      on: { 'user.text': { target: '.idle', actions: ['replyLong', 'replyEmpty'] } },
      states: { idle: {} },
    });

    // Three messages for one user message (the long text goes out in two parts): the cost is not what is tested here.
    expect(checkMachine({ ...definitionOf(machine, [text('bonjour')]), messageCeiling: { perUserMessage: 3 } })).toEqual([
      { machine: 'texts', state: 'idle', field: 'text', message: '4097 characters, the Cloud API allows 4096: shorten it' },
      { machine: 'texts', state: 'idle', field: 'text', message: 'empty, the Cloud API needs a text here: write it' },
    ]);
  });
});
