import { describe, expect, it } from '@jest/globals';
import { assign, emit, fromPromise, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { checkMachine } from '../../../src/designer/check/index.js';
import { definitionOf, say, text } from './broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };

describe('checkMachine: events that make the machine fail', () => {
  it('reports an invoked actor whose failure nothing handles (no onError)', () => {
    const machine = setup({
      types,
      actors: { lookUp: fromPromise(async () => 'trouvé') },
      actions: { replyFound: emit(() => say('Trouvé')) },
    }).createMachine({
      id: 'no-on-error',
      initial: 'idle',
      on: { 'user.text': '.looking' },
      states: { idle: {}, looking: { tags: 'busy', invoke: { src: 'lookUp', onDone: { target: 'idle', actions: 'replyFound' } } } },
    });

    expect(checkMachine(definitionOf(machine, [text('1234567A')]))).toEqual([
      {
        machine: 'no-on-error',
        state: 'looking',
        field: 'invoke.onError',
        message:
          'a failure of actor "lookUp" is not handled: add onError, or the conversation stops with an error (sample failure from the machine check)',
      },
    ]);
  });

  it('reports a user event whose actions throw', () => {
    const machine = setup({
      types: { ...types, context: {} as { words: number } },
      actions: {
        countWords: assign({
          words: ({ event }) => {
            if (event.type === 'user.text' && event.text === '') throw new Error('nothing to count');
            return 1;
          },
        }),
        replyCount: emit(() => say('Compté')),
      },
    }).createMachine({
      id: 'throwing',
      context: { words: 0 },
      initial: 'idle',
      on: { 'user.text': { target: '.idle', actions: ['countWords', 'replyCount'] } },
      states: { idle: {} },
    });

    expect(checkMachine(definitionOf(machine, [text('bonjour'), text('')]))).toEqual([
      { machine: 'throwing', state: 'idle', field: 'on["user.text"]', message: 'user.text "" makes the machine fail: nothing to count' },
    ]);
  });
});
