import { describe, expect, it } from '@jest/globals';
import { and, emit, fromPromise, not, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { checkMachine } from '../../../src/designer/check/index.js';
import { definitionOf, say, text } from './broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };
const isLong = ({ event }: { event: UserEvent }) => event.type === 'user.text' && event.text.length > 20;

describe('checkMachine: references to implementations nothing provides', () => {
  it('reports a misspelled action (XState would skip it silently)', () => {
    const machine = setup({ types, actions: { replyHello: emit(() => say('Bonjour')) } }).createMachine({
      id: 'typo',
      initial: 'idle',
      // @ts-expect-error the misspelling the check must report (a JSON config would not be type-checked)
      on: { 'user.text': { target: '.idle', actions: ['replyHelo'] } },
      states: { idle: {} },
    });

    expect(checkMachine(definitionOf(machine, [text('bonjour')]))).toEqual([
      {
        machine: 'typo',
        state: '(root)',
        field: 'on["user.text"].actions[0]',
        message: 'action "replyHelo" is not provided: add it to setup({ actions })',
      },
    ]);
  });

  it('reports a missing guard, also inside and()/not(), and explores past it (as if it were false)', () => {
    const machine = setup({ types, guards: { isLong }, actions: { replyHello: emit(() => say('Bonjour')) } }).createMachine({
      id: 'guarded',
      initial: 'idle',
      on: {
        'user.text': [
          // @ts-expect-error the missing guard the check must report
          { guard: and(['isLong', not('isPolite')]), target: '.long', actions: 'replyHello' },
          { target: '.idle', actions: 'replyHello' },
        ],
      },
      states: { idle: {}, long: {} },
    });

    const problems = checkMachine(definitionOf(machine, [text('bonjour'), text('une question beaucoup plus longue')]));
    expect(problems).toEqual([
      {
        machine: 'guarded',
        state: '(root)',
        field: 'on["user.text"][0].guard.guards[1].guards[0]',
        message: 'guard "isPolite" is not provided: add it to setup({ guards })',
      },
    ]);
  });

  it('reports an invoked actor nothing provides', () => {
    const machine = setup({ types, actions: { replyHello: emit(() => say('Bonjour')) } }).createMachine({
      id: 'unprovided',
      initial: 'idle',
      on: { 'user.text': '.asking' },
      states: {
        idle: {},
        // @ts-expect-error the undeclared actor the check must report
        asking: { tags: 'busy', invoke: { src: 'askAgent', onDone: { target: 'idle', actions: 'replyHello' }, onError: 'idle' } },
      },
    });

    expect(checkMachine(definitionOf(machine, [text('bonjour')]), { providedActors: ['askQuestion'] })).toEqual([
      {
        machine: 'unprovided',
        state: 'asking',
        field: 'invoke.src',
        message: 'actor "askAgent" is not provided: add it to setup({ actors })',
      },
    ]);
  });

  it('reports a placeholder actor the runtime does not provide, and accepts it once provided', () => {
    const askQuestion = fromPromise<string, { question: string }>(() => Promise.reject(new Error('askQuestion was not provided')));
    const machine = setup({ types, actors: { askQuestion }, actions: { replyHello: emit(() => say('Bonjour')) } }).createMachine({
      id: 'placeholder',
      initial: 'idle',
      on: { 'user.text': '.asking' },
      states: {
        idle: {},
        asking: {
          tags: 'busy',
          invoke: { src: 'askQuestion', input: { question: 'q' }, onDone: { target: 'idle', actions: 'replyHello' }, onError: 'idle' },
        },
      },
    });
    const definition = definitionOf(machine, [text('bonjour')]);

    expect(checkMachine(definition, { providedActors: [] })).toEqual([
      {
        machine: 'placeholder',
        state: 'asking',
        field: 'invoke.src',
        message: 'actor "askQuestion" is only a placeholder and the runtime does not provide it',
      },
    ]);
    expect(checkMachine(definition, { providedActors: ['askQuestion'] })).toEqual([]);
  });
});
