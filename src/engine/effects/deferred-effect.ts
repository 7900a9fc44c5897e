import { randomUUID } from 'node:crypto';
import type { ActorLogic, AnyActorRef, AnyMachineSnapshot, EventObject } from 'xstate';

/**
 * The stand-in the runtime gives a machine for each effect (`askQuestion`, …): invoking it only records the call
 * (its input and a fresh call id) in the actor's snapshot. Nothing runs inside the turn and nothing runs on
 * restore: the call is run by the effect runner, outside the user's lane, and its outcome comes back later as
 * `xstate.done.actor.<id>` or `xstate.error.actor.<id>`. (XState re-runs a restored `fromPromise`; this logic has
 * no body to re-run.)
 */
export interface DeferredSnapshot {
  readonly status: 'active';
  readonly output: undefined;
  readonly error: undefined;
  readonly input: unknown;
  readonly callId: string;
}

export const deferredEffect: ActorLogic<DeferredSnapshot, EventObject, unknown> = {
  transition: (snapshot) => snapshot,
  getInitialSnapshot: (_scope, input) => ({ status: 'active', output: undefined, error: undefined, input, callId: randomUUID() }),
  getPersistedSnapshot: (snapshot) => snapshot,
  restoreSnapshot: (persisted) => persisted as unknown as DeferredSnapshot,
};

/** A deferred call found among a machine's children. */
export interface DeferredCall {
  readonly callId: string;
  /** The invoke's id. */
  readonly actorId: string;
  /** The invoked `src`: the effect's name. */
  readonly effect: string;
  readonly input: unknown;
}

const isDeferred = (snapshot: unknown): snapshot is DeferredSnapshot =>
  typeof snapshot === 'object' && snapshot !== null && typeof (snapshot as { callId?: unknown }).callId === 'string';

/** Whether a live child is a deferred effect (it never settles inside the process). */
export function isDeferredChild(child: AnyActorRef): boolean {
  return isDeferred(child.getSnapshot());
}

/**
 * The deferred calls a persisted machine snapshot holds, read from its `children` (`{ [id]: { snapshot, src } }`).
 *
 * @example
 * deferredCalls(stored.snapshot) // [{ callId: '4f…', actorId: 'askQuestion', effect: 'askQuestion', input: { question: '…' } }]
 */
export function deferredCalls(persisted: unknown): DeferredCall[] {
  const children = (persisted as Partial<AnyMachineSnapshot> | null)?.children as Record<string, { snapshot?: unknown; src?: unknown }> | undefined;
  if (!children || typeof children !== 'object') return [];
  return Object.entries(children).flatMap(([actorId, child]) =>
    isDeferred(child?.snapshot) && typeof child.src === 'string'
      ? [{ callId: child.snapshot.callId, actorId, effect: child.src, input: child.snapshot.input }]
      : [],
  );
}
