import { describe, expect, it } from '@jest/globals';
import { createMachine, setup } from 'xstate';
import { toMermaid } from '../../../src/designer/diagram/to-mermaid.js';
import { formMachine } from './fixtures.js';

const linesOf = (machine: Parameters<typeof toMermaid>[0]['machine']): string[] => toMermaid({ machine }).split('\n').map((line) => line.trim());

describe('toMermaid', () => {
  it('draws a flat machine: initial marker, guarded arrows in order, final state', () => {
    const machine = setup({ guards: { isQuestion: () => true } }).createMachine({
      id: 'flat',
      initial: 'idle',
      states: {
        idle: { on: { 'user.text': [{ guard: 'isQuestion', target: 'awaitingAnswer' }, { target: 'done' }] } },
        awaitingAnswer: { on: { 'user.text': 'idle' } },
        done: { type: 'final' },
      },
    });
    expect(toMermaid({ machine })).toBe(
      [
        'stateDiagram-v2',
        '  direction LR',
        '  [*] --> idle',
        '  idle',
        '  awaitingAnswer',
        '  done',
        '  done --> [*]',
        '  idle --> awaitingAnswer : user.text [isQuestion]',
        '  idle --> done : any other text',
        '  awaitingAnswer --> idle : any other text',
      ].join('\n'),
    );
  });

  it('draws a compound state as a block with its own initial and final markers', () => {
    const lines = toMermaid({ machine: formMachine }).split('\n');
    const open = lines.indexOf('  state form {');
    const close = lines.indexOf('  }', open);
    expect(open).toBeGreaterThan(0);
    expect(lines.slice(open, close)).toEqual(expect.arrayContaining(['    [*] --> form_ask', '    done --> [*]']));
    expect(lines).toContain('  finished --> [*]');
    expect(lines[4]).toBe('  [*] --> idle');
  });

  it('names guards on the arrows, higher-order guards included', () => {
    expect(linesOf(formMachine)).toContain('form_ask --> checking : TEXT [and(isValid, not(isEmpty))]');
  });

  it('labels an invoked actor\'s outcomes and a compound state\'s completion readably', () => {
    const lines = linesOf(formMachine);
    expect(lines).toEqual(expect.arrayContaining([
      'checking --> done : fetchStatus done',
      'checking --> form_ask : fetchStatus error',
      'form --> finished : form done',
    ]));
    expect(lines).toContain('checking : invoke fetchStatus');
  });

  it('shows what a state does, titled with its name, without the timers XState adds for `after`', () => {
    const lines = linesOf(formMachine);
    expect(lines).toEqual(expect.arrayContaining(['idle : idle', 'idle : entry / replyHello', 'form_ask : exit / forget']));
    expect(lines.filter((line) => /raise|cancel/.test(line))).toEqual([]);
  });

  it('starts transitions declared for a whole machine or compound state from a dashed "any state" node', () => {
    const lines = linesOf(formMachine);
    expect(lines).toEqual(expect.arrayContaining([
      'state "any state" as any_state',
      'any_state : ↺ PING',
      'state "any form state" as form_any',
      'form_any --> done : SKIP',
      'form --> idle : CANCEL',
      'class any_state, form_any anyState',
    ]));
  });

  it('draws self, delayed and eventless transitions; arrows across blocks name their real ends', () => {
    const lines = linesOf(formMachine);
    expect(lines).toEqual(expect.arrayContaining([
      'form_ask : ↺ TEXT',
      'idle --> finished : after 5000ms',
      'idle : ↺ after reminderDelay',
      'idle --> other : SKIP',
      'other --> form : always [isReady] (from other.ask, to form.checking)',
    ]));
  });

  it('gives states that share a key unique ids, labelled with their key', () => {
    const lines = linesOf(formMachine);
    expect(lines).toEqual(expect.arrayContaining(['state "ask" as form_ask', 'state "ask" as other_ask']));
    const declared = lines.filter((line) => /^state "ask" as /.test(line));
    expect(new Set(declared).size).toBe(2);
  });

  it('merges transitions between the same two states into one arrow, a line each, and keeps ids Mermaid-safe', () => {
    const machine = createMachine({
      id: 'm',
      initial: 'end',
      states: { end: { on: { A: 'next-step', B: 'next-step' } }, 'next-step': { on: { 'A;B': { target: 'end' } } } },
    });
    expect(linesOf(machine)).toEqual(expect.arrayContaining([
      's_end --> next_step : A<br/>B',
      'next_step --> s_end : A,B',
      'state "next-step" as next_step',
    ]));
  });

  it('is deterministic: the same machine config always gives the same text', () => {
    const again = createMachine(formMachine.config);
    expect(toMermaid({ machine: formMachine })).toBe(toMermaid({ machine: formMachine }));
    expect(toMermaid({ machine: again.provide(formMachine.implementations) })).toBe(toMermaid({ machine: formMachine }));
  });
});
