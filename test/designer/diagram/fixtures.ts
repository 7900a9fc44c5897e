import { and, fromPromise, not, setup } from 'xstate';

/**
 * A small machine with every construct the diagrams draw: a compound state with a final state, a guard
 * built from `and`/`not`, a re-entering self-transition, an invoked actor with done and error, a
 * compound state's `onDone`, a transition declared on a compound state, one declared on the machine
 * without a target, an eventless and a delayed transition, and two nested states sharing a key.
 */
export const formMachine = setup({
  types: { events: {} as { type: 'START' } | { type: 'TEXT' } | { type: 'CANCEL' } | { type: 'PING' } | { type: 'SKIP' } },
  guards: { isValid: () => true, isEmpty: () => false, isReady: () => true },
  actors: { fetchStatus: fromPromise(async () => 'ok') },
  actions: { replyHello: () => undefined, log: () => undefined, forget: () => undefined },
  delays: { reminderDelay: 60_000 },
}).createMachine({
  id: 'form-demo',
  initial: 'idle',
  on: { PING: { actions: 'log' } },
  states: {
    idle: { entry: 'replyHello', on: { START: 'form', SKIP: 'other.ask' }, after: { reminderDelay: 'idle', 5000: 'finished' } },
    form: {
      initial: 'ask',
      on: { CANCEL: '#form-demo.idle', SKIP: '.done' },
      onDone: 'finished',
      states: {
        ask: {
          exit: 'forget',
          on: { TEXT: [{ guard: and(['isValid', not('isEmpty')]), target: 'checking' }, { target: 'ask', reenter: true }] },
        },
        checking: { invoke: { src: 'fetchStatus', onDone: 'done', onError: 'ask' } },
        done: { type: 'final' },
      },
    },
    other: { initial: 'ask', states: { ask: { always: { guard: 'isReady', target: '#form-demo.form.checking' } } } },
    finished: { type: 'final' },
  },
});

/** As `../../../machines` registers it. */
export const formDefinition = { id: 'form-demo', version: 3, machine: formMachine, description: 'A small form.' } as const;
