import { describe, expect, it } from '@jest/globals';
import { emit, fromPromise, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import { text } from '../run-machine.js';
import { machinePaths } from '../../../src/designer/paths/machine-paths.js';

const say = (words: string): ReplyEvent => ({ type: 'reply', message: { type: 'text', text: words } });

/** A tiny form: ask, look the answer up (an invoked actor), answer; `withHelp` adds a state. */
function formDefinition(withHelp: boolean): MachineDefinition {
  const machine = setup({
    types: { events: {} as UserEvent, emitted: {} as ReplyEvent },
    actors: { lookUp: fromPromise<string, { number: string }>(async () => 'found') },
    guards: {
      isNumber: ({ event }) => event.type === 'user.text' && /^\d+$/.test(event.text),
      isHelp: ({ event }) => withHelp && event.type === 'user.text' && event.text === 'aide',
    },
  }).createMachine({
    id: 'form',
    initial: 'asking',
    states: {
      asking: {
        entry: emit(say('Votre numéro ?')),
        on: { 'user.text': [{ guard: 'isNumber', target: 'checking' }, { guard: 'isHelp', target: 'help' }, { actions: emit(say('Pardon ?')) }] },
      },
      checking: {
        invoke: {
          src: 'lookUp',
          input: ({ event }) => ({ number: event.type === 'user.text' ? event.text : '' }),
          onDone: { target: 'asking', actions: emit(({ event }) => say(`Dossier : ${String(event.output)}`)) },
          onError: { target: 'asking', actions: emit(say('Service indisponible.')) },
        },
      },
      help: { entry: emit(say('Tapez votre numéro.')), on: { 'user.text': 'asking' } },
    },
  });
  return { id: 'form', version: 1, machine, sampleEvents: [text('123', 1), text('bof', 1), text('aide', 1)] };
}

const actors = { lookUp: { outputs: ['en cours'], fails: true } };
const replies = (turn: { replies: readonly { type: string }[] }) => turn.replies.map((m) => ('text' in m ? m.text : m.type));

describe('machinePaths', () => {
  it('plays each outcome of an invoked actor within the turn that started it, with the input it was given', () => {
    const { paths } = machinePaths(formDefinition(false), { actors });
    const first = paths.filter((path) => path.turns.length === 1 && path.turns[0]?.event.type === 'user.text');
    const byOutcome = first.filter((path) => path.turns[0]?.calls.length === 1);
    expect(byOutcome.map((path) => path.turns[0]?.calls[0])).toEqual([
      { actor: 'lookUp', input: { number: '123' }, outcome: { output: 'en cours' } },
      { actor: 'lookUp', input: { number: '123' }, outcome: { error: 'lookUp failed' } },
    ]);
    expect(byOutcome.map((path) => replies(path.turns[0] ?? { replies: [] }))).toEqual([
      ['Votre numéro ?', 'Dossier : en cours', 'Votre numéro ?'],
      ['Votre numéro ?', 'Service indisponible.', 'Votre numéro ?'],
    ]);
    expect(byOutcome.map((path) => path.turns[0]?.state)).toEqual(['asking', 'asking']);
  });

  it('covers every state, every transition and every sample event, and never ends while an actor runs', () => {
    const plan = machinePaths(formDefinition(true), { actors });
    const states = new Set(plan.paths.flatMap((path) => path.turns.map((turn) => turn.state)));
    expect([...states].sort()).toEqual(['asking', 'help']);
    const sent = new Set(plan.paths.flatMap((path) => path.turns.map((turn) => (turn.event.type === 'user.text' ? turn.event.text : ''))));
    expect([...sent].sort()).toEqual(['123', 'aide', 'bof']);
    expect(plan.paths.every((path) => path.turns.every((turn) => turn.calls.every((call) => 'output' in call.outcome || 'error' in call.outcome)))).toBe(true);
    expect(plan.states).toBe(3);
  });

  it('adds paths by itself when a state is added to the machine', () => {
    const before = machinePaths(formDefinition(false), { actors });
    const after = machinePaths(formDefinition(true), { actors });
    expect(after.paths.length).toBeGreaterThan(before.paths.length);
    expect(after.paths.some((path) => path.title.includes('→ help'))).toBe(true);
    expect(before.paths.some((path) => path.title.includes('→ help'))).toBe(false);
  });

  it('says which actor has no outcomes to explore it with', () => {
    expect(() => machinePaths(formDefinition(false), { actors: {} })).toThrow(/state checking invokes "lookUp": give its outcomes in `actors`/);
  });

  it('samples at most maxSimplePaths simple paths, evenly', () => {
    const plan = machinePaths(formDefinition(true), { actors, maxSimplePaths: 1 });
    expect(plan.paths.filter((path) => path.origin === 'simple').length).toBeLessThanOrEqual(1);
  });
});
