import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { type AnyMachineSnapshot, createActor, emit, type EventObject, fromPromise, setup } from 'xstate';
import { isPlaceholder } from '../../src/designer/check/references.js';
import { createStepper } from '../../src/designer/check/pure-step.js';
import { deferEffects } from '../../src/compose/live-machines.js';
import { deferredCalls } from '../../src/engine/effects/deferred-effect.js';
import { pendingTimers } from '../../src/engine/pending-timers.js';

// The runtime and `npm run check` read a few of XState's internals that its public API does not promise. xstate is
// pinned to a patch range in package.json; these tests fail loudly, naming what changed, before an upgrade ships.

const require = createRequire(import.meta.url);

const machine = setup({
  types: { emitted: {} as { type: 'reply'; output?: unknown } },
  actors: { askQuestion: fromPromise<string, { q: string }>(() => Promise.reject(new Error('askQuestion was not provided'))) },
  delays: { nudge: 60_000 },
}).createMachine({
  id: 'probe',
  initial: 'idle',
  context: { answer: '' },
  states: {
    idle: { on: { ASK: 'asking', WAIT: 'waiting' } },
    waiting: { after: { nudge: { actions: emit({ type: 'reply' }) } } },
    asking: {
      invoke: {
        id: 'askQ',
        src: 'askQuestion',
        input: () => ({ q: 'taux ?' }),
        onDone: { target: 'idle', actions: emit(({ event }) => ({ type: 'reply', output: event.output })) },
        onError: { target: 'idle', actions: emit({ type: 'reply', output: 'error' }) },
      },
    },
  },
});

describe('XState internals the runtime relies on', () => {
  it('is the version these tests were written against (xstate is pinned to a patch range)', () => {
    const { version } = require('xstate/package.json') as { version: string };
    expect(version).toMatch(/^5\.33\./);
  });

  it('keeps a pending `after` delay in the system scheduler, as pendingTimers reads it (durable timers)', () => {
    const actor = createActor(machine).start();
    actor.send({ type: 'WAIT' });
    const scheduled = Object.values(actor.system.getSnapshot()._scheduledEvents);
    expect(scheduled).toEqual([expect.objectContaining({ event: { type: 'xstate.after.nudge.probe.waiting' }, delay: 60_000, source: actor })]);
    expect(pendingTimers(actor, machine, [], undefined)).toEqual([
      { event: 'xstate.after.nudge.probe.waiting', stateId: 'probe.waiting', dueAt: expect.any(Number) },
    ]);
    actor.stop();
  });

  it('persists a deferred child with its call id, restores it without running anything, and applies an outside done event', () => {
    const live = deferEffects({ id: 'probe', version: 1, machine }).machine;
    const first = createActor(live).start();
    first.send({ type: 'ASK' });
    const persisted = JSON.parse(JSON.stringify(first.getPersistedSnapshot())) as AnyMachineSnapshot;
    first.stop();
    const [call] = deferredCalls(persisted);
    expect(call).toEqual({ callId: expect.any(String), actorId: 'askQ', effect: 'askQuestion', input: { q: 'taux ?' } });

    const restored = createActor(live, { snapshot: persisted });
    const replies: unknown[] = [];
    restored.on('reply', (event) => replies.push(event));
    restored.start();
    expect(deferredCalls(restored.getPersistedSnapshot())).toEqual([call]); // same call, not a new one
    restored.send({ type: 'xstate.done.actor.askQ', output: '12 %' });
    expect(replies).toEqual([{ type: 'reply', output: '12 %' }]);
    expect(restored.getSnapshot().value).toBe('idle');
    expect(deferredCalls(restored.getPersistedSnapshot())).toEqual([]);
    restored.stop();
  });

  it('routes an outside error event to onError', () => {
    const live = deferEffects({ id: 'probe', version: 1, machine }).machine;
    const actor = createActor(live).start();
    const replies: unknown[] = [];
    actor.on('reply', (event) => replies.push(event));
    actor.send({ type: 'ASK' });
    actor.send({ type: 'xstate.error.actor.askQ', error: new Error('down') });
    expect(replies).toEqual([{ type: 'reply', output: 'error' }]);
    actor.stop();
  });

  it('keeps a promise actor’s creator as its `config` (how the check recognises a placeholder)', () => {
    expect(isPlaceholder(machine.implementations.actors['askQuestion'])).toBe(true);
    expect(isPlaceholder(fromPromise(async () => 'real'))).toBe(false);
  });

  it('hands pure steps their actions through the actor scope’s actionExecutor (how the check explores)', () => {
    const stepper = createStepper(machine, {});
    const [idle] = stepper.initial();
    const [asking, actions] = stepper.next(idle, { type: 'ASK' });
    expect(asking.value).toBe('asking');
    expect(actions.map((action) => action.type)).toContain('xstate.spawnChild');
    const [, done] = stepper.next(asking, { type: 'xstate.done.actor.askQ', output: 'x' } as EventObject);
    expect(done).toContainEqual(expect.objectContaining({ type: 'xstate.emit', params: expect.objectContaining({ event: { type: 'reply', output: 'x' } }) }));
  });
});
