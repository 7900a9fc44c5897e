/**
 * XState's pure `initialTransition`/`transition`, with one inert actor scope reused for a whole
 * exploration. The library builds a new scope per call, which creates an actor and computes its initial
 * snapshot without input: for a machine whose context reads its input that throws and is caught on every
 * step, two orders of magnitude slower than the step itself.
 */

import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject, createActor } from 'xstate';

/** An action the step would execute: `xstate.emit` carries `params.event`, `xstate.spawnChild` an invoke… */
export interface PlannedAction {
  readonly type: string;
  readonly params?: unknown;
}

/** A snapshot and the actions taking the step would execute. */
export type PureStep = readonly [snapshot: AnyMachineSnapshot, actions: PlannedAction[]];

/** Computes steps of one machine without running anything. */
export interface Stepper {
  initial(): PureStep;
  next(snapshot: AnyMachineSnapshot, event: EventObject): PureStep;
}

/**
 * A stepper for `machine`, whose conversations start with `input`.
 *
 * @example
 * const stepper = createStepper(machine, { at: 0 });
 * const [menu, actions] = stepper.next(stepper.initial()[0], { type: 'user.text', text: 'menu', at: 0 });
 */
export function createStepper(machine: AnyStateMachine, input: unknown): Stepper {
  const self = createActor(machine, { input });
  let planned: PlannedAction[] = [];
  const scope = {
    self,
    defer: () => undefined,
    id: '',
    logger: () => undefined,
    sessionId: '',
    stopChild: () => undefined,
    system: self.system,
    emit: () => undefined,
    actionExecutor: (action: PlannedAction) => {
      planned.push(action);
    },
  } as unknown as AnyActorScope;
  const run = (compute: () => AnyMachineSnapshot): PureStep => {
    planned = [];
    const snapshot = compute();
    return [snapshot, planned];
  };
  return {
    initial: () => run(() => machine.getInitialSnapshot(scope, input)),
    next: (snapshot, event) => run(() => machine.transition(snapshot, event, scope)),
  };
}
