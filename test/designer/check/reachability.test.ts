import { describe, expect, it } from '@jest/globals';
import { emit, fromPromise, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { checkMachine } from '../../../src/designer/check/index.js';
import { definitionOf, say, text } from './broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };

describe('checkMachine: states that cannot be reached', () => {
  it('reports a state no sample event leads to, although a transition exists', () => {
    const machine = setup({
      types,
      guards: { isMagicWord: ({ event }) => event.type === 'user.text' && event.text === 'abracadabra' },
      actions: { replyHello: emit(() => say('Bonjour')) },
    }).createMachine({
      id: 'hidden',
      initial: 'idle',
      on: { 'user.text': [{ guard: 'isMagicWord', target: '.secret' }, { target: '.idle', actions: 'replyHello' }] },
      states: { idle: {}, secret: {} },
    });

    expect(checkMachine(definitionOf(machine, [text('bonjour')]))).toEqual([
      { machine: 'hidden', state: 'secret', field: 'state', message: 'never reached: no sample event leads here from the initial state' },
    ]);
  });

  it('reports a state no transition of the chart leads to, once for a whole unreachable branch', () => {
    const machine = setup({ types, actions: { replyHello: emit(() => say('Bonjour')) } }).createMachine({
      id: 'orphaned',
      initial: 'idle',
      on: { 'user.text': { target: '.idle', actions: 'replyHello' } },
      states: { idle: {}, orphan: { initial: 'first', states: { first: {}, second: {} } } },
    });

    expect(checkMachine(definitionOf(machine, [text('bonjour')]))).toEqual([
      { machine: 'orphaned', state: 'orphan', field: 'state', message: 'unreachable: no transition leads here' },
    ]);
  });

  it('follows invoked actors: their outcomes and failures reach the states after them', () => {
    const machine = setup({
      types,
      actors: { work: fromPromise(async () => 'done') },
      actions: { replyDone: emit(() => say('Fait')), replyFailed: emit(() => say('Échec')) },
    }).createMachine({
      id: 'waiting',
      initial: 'idle',
      on: { 'user.text': '.working' },
      states: {
        idle: {},
        working: { tags: 'busy', invoke: { src: 'work', onDone: 'done', onError: 'failed' } },
        done: { entry: 'replyDone' },
        failed: { entry: 'replyFailed' },
      },
    });

    expect(checkMachine(definitionOf(machine, [text('go')]))).toEqual([]);
  });
});
