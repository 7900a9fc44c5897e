import type { AnyActorRef, AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { PendingTimer } from '../ports/conversation-pipeline.js';

const AFTER_EVENT = /^xstate\.after\.[^.]+\.(.+)$/;

/** Whether the state node that armed a timer is still active. */
function isActive(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, stateId: string): boolean {
  try {
    return snapshot.matches(machine.getStateNodeById(stateId).path.join('.'));
  } catch {
    return false;
  }
}

/**
 * The `after` delays a conversation still waits for once a turn settled. XState keeps delays in the live actor
 * only (a restored snapshot does not re-arm them, xstate#5331), so the runtime persists them: the ones armed during
 * this turn, plus the earlier ones whose state is still active, minus the one just delivered.
 *
 * @example
 * const timers = pendingTimers(actor, machine, stored.timers ?? [], 'xstate.after.menuNudge.css-assistant.menu');
 */
export function pendingTimers(
  actor: AnyActorRef,
  machine: AnyStateMachine,
  previous: readonly PendingTimer[],
  delivered: string | undefined,
): PendingTimer[] {
  const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
  if (snapshot.status !== 'active') return [];
  const armed: PendingTimer[] = [];
  for (const scheduled of Object.values(actor.system.getSnapshot()._scheduledEvents)) {
    const stateId = AFTER_EVENT.exec(scheduled.event.type)?.[1];
    if (stateId === undefined || scheduled.source !== actor) continue;
    armed.push({ event: scheduled.event.type, stateId, dueAt: scheduled.startedAt + scheduled.delay });
  }
  const rearmed = new Set(armed.map((timer) => timer.event));
  const kept = previous.filter(
    (timer) => timer.event !== delivered && !rearmed.has(timer.event) && isActive(machine, snapshot, timer.stateId),
  );
  return [...kept, ...armed].sort((a, b) => a.dueAt - b.dueAt);
}
