import { describe, expect, it } from '@jest/globals';
import { emit, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { checkMachine } from '../../../src/designer/check/index.js';
import { buttons, choice, definitionOf, say, text } from './broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };
const tapped = (id: string) => (event: UserEvent) => event.type === 'user.choice' && event.id === id;

describe('checkMachine: interactive reply ids', () => {
  it('reports a button offered in a state where no transition handles its id', () => {
    const machine = setup({
      types,
      guards: { isYes: ({ event }) => tapped('yes')(event) },
      actions: {
        askConfirmation: emit(() => buttons('Confirmer ?', [{ id: 'yes', title: 'Oui' }, { id: 'no', title: 'Non' }])),
        replyDone: emit(() => say('C’est noté.')),
      },
    }).createMachine({
      id: 'confirm',
      initial: 'start',
      states: {
        start: { on: { 'user.text': 'asking' } },
        asking: { entry: 'askConfirmation', on: { 'user.choice': { guard: 'isYes', target: 'done' } } },
        done: { entry: 'replyDone', on: { 'user.text': 'asking' } },
      },
    });

    expect(checkMachine(definitionOf(machine, [text('bonjour'), choice('yes', 'Oui'), choice('no', 'Non')]))).toEqual([
      {
        machine: 'confirm',
        state: 'asking',
        field: 'buttons[1].id',
        message: '"Non" (id "no") is offered here, but no transition handles it here: tapping it changes nothing',
      },
    ]);
  });

  it('reports a choice id a guard handles that no message offers', () => {
    const machine = setup({
      types,
      guards: { isSecretChoice: ({ event }) => tapped('secret')(event) },
      actions: { replySecret: emit(() => say('Vous avez trouvé le secret.')), replyHello: emit(() => say('Bonjour')) },
    }).createMachine({
      id: 'secret',
      initial: 'idle',
      on: {
        'user.choice': [{ guard: 'isSecretChoice', target: '.secret' }],
        'user.text': { target: '.idle', actions: 'replyHello' },
      },
      states: { idle: {}, secret: { entry: 'replySecret' } },
    });

    expect(checkMachine(definitionOf(machine, [text('bonjour'), choice('secret', 'Secret')]))).toEqual([
      {
        machine: 'secret',
        state: '(root)',
        field: 'on["user.choice"][0].guard',
        message: 'choice id "secret" is handled here (guard isSecretChoice), but no message offers it: offer it in a message, or remove the transition',
      },
    ]);
  });

  it('does not count a catch-all transition as handling an id, and accepts ids both offered and handled', () => {
    const machine = setup({
      types,
      guards: { isMenuChoice: ({ event }) => tapped('menu')(event) },
      actions: { replyMenu: emit(() => buttons('Menu', [{ id: 'menu', title: 'Menu' }])), replyHello: emit(() => say('Bonjour')) },
    }).createMachine({
      id: 'sound',
      initial: 'idle',
      on: {
        'user.choice': [{ guard: 'isMenuChoice', target: '.menu' }, { target: '.idle', actions: 'replyHello' }],
        'user.text': '.menu',
      },
      states: { idle: {}, menu: { entry: 'replyMenu' } },
    });

    expect(checkMachine(definitionOf(machine, [text('bonjour'), choice('menu'), choice('unknown')]))).toEqual([]);
  });
});
