import { describe, expect, it } from '@jest/globals';
import { emit, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { checkMachine } from '../../../src/designer/check/index.js';
import { definitionOf, say, text } from './broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };
const thanking = (final: boolean) =>
  setup({ types, actions: { replyThanks: emit(() => say('Merci !')) } }).createMachine({
    id: 'thanks',
    initial: 'form',
    states: {
      // A final state inside a compound one: the compound state's onDone moves on (a top-level final is reported elsewhere).
      form: {
        initial: 'asking',
        states: {
          asking: { on: { 'user.text': 'thanked' } },
          thanked: final ? { type: 'final', entry: 'replyThanks' } : { entry: 'replyThanks' },
        },
        ...(final ? { onDone: 'again' } : {}),
      },
      ...(final ? { again: { on: { 'user.text': 'form' } } } : {}),
    },
  });

describe('checkMachine: states with no way out', () => {
  it('reports a non-final state with no transition, own or inherited, and no invoke', () => {
    expect(checkMachine(definitionOf(thanking(false), [text('bonjour')]))).toEqual([
      {
        machine: 'thanks',
        state: 'form.thanked',
        field: 'on',
        message: 'no way out: no transition here or in a parent state, no invoke, and the state is not final',
      },
    ]);
  });

  it('accepts the same state once it is final', () => {
    expect(checkMachine(definitionOf(thanking(true), [text('bonjour')]))).toEqual([]);
  });

  it('counts transitions inherited from a parent state as a way out', () => {
    const machine = setup({ types, actions: { replyHello: emit(() => say('Bonjour')) } }).createMachine({
      id: 'inherited',
      initial: 'idle',
      on: { 'user.text': { target: '.idle', actions: 'replyHello' } },
      states: { idle: {} },
    });
    expect(checkMachine(definitionOf(machine, [text('bonjour')]))).toEqual([]);
  });
});
