import { createActor, waitFor, type AnyActorRef, type AnyMachineSnapshot, type InspectionEvent, type Observer, type Snapshot } from 'xstate';
import type { ReplyEvent, UserEvent } from '../domain/conversation.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { OutboundMessage } from '../domain/outbound.js';
import type { StoredConversation } from '../ports/conversation-pipeline.js';
import { pendingTimers } from './pending-timers.js';
import { restorableSnapshot } from './restorable-snapshot.js';

/** What one user event did to a conversation. */
export interface TurnResult {
  readonly conversation: StoredConversation;
  readonly replies: OutboundMessage[];
  /** The state value after the turn, as a dotted path (`active.menu`). */
  readonly state: string;
  /** Why the stored snapshot was not used, when it was not (the conversation restarted). */
  readonly restartReason?: string;
  /** The machine was still busy when the time ran out; the snapshot keeps its pending call. */
  readonly timedOut: boolean;
}

/** A machine failed while handling an event (a bug in the machine, not in the user's input). */
export class ConversationError extends Error {
  override readonly name = 'ConversationError';
  constructor(
    message: string,
    readonly state: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/** Settled: nothing left to wait for (no busy-tagged state, no running child such as the CSS call). */
export function isSettled(snapshot: AnyMachineSnapshot): boolean {
  if (snapshot.status !== 'active') return true;
  if (snapshot.hasTag('busy')) return false;
  return Object.values(snapshot.children as Record<string, AnyActorRef | undefined>).every(
    (child) => child === undefined || (child.getSnapshot() as Snapshot<unknown>).status !== 'active',
  );
}

export function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}.${stateName(inner)}`)
      .join(',');
  }
  return String(value);
}

/**
 * Rehydrate → send → wait until settled → persist. Pure apart from the machine's provided actors: replies
 * come back as data, and nothing is written anywhere.
 *
 * @example
 * const { conversation, replies } = await runTurn(definition, stored, { type: 'user.text', text: 'menu', at }, 30_000);
 */
/** An event of the runtime's own: a machine's delayed event that fell due, or a delivery report from Meta. */
export interface TimerEvent {
  readonly type: string;
  readonly code?: number;
}

export async function runTurn(
  definition: MachineDefinition,
  stored: StoredConversation | undefined,
  event: UserEvent | TimerEvent,
  settleTimeoutMs: number,
  /** Inspection (`INSPECT`): the conversation's actor id and the observer; absent, nothing is attached. */
  inspection?: { readonly actorId: string; readonly inspect: Observer<InspectionEvent> },
): Promise<TurnResult> {
  const restored = restorableSnapshot(definition, stored);
  const actor = createActor(definition.machine, {
    ...(restored.snapshot === undefined ? { input: inputOf(event) } : { snapshot: restored.snapshot }),
    ...(inspection ? { id: inspection.actorId, inspect: inspection.inspect } : {}),
  });
  const replies: OutboundMessage[] = [];
  actor.on('reply', (emitted: ReplyEvent) => replies.push(emitted.message));
  let failure: unknown;
  // Without an error observer XState rethrows machine errors as uncaught exceptions on a later tick.
  actor.subscribe({ error: (error) => (failure = error) });
  actor.start();
  if (failure !== undefined && restored.snapshot !== undefined) {
    // The snapshot passed the checks but the machine still rejects it: start this conversation afresh.
    actor.stop();
    const fresh = await runTurn(definition, undefined, event, settleTimeoutMs, inspection);
    return { ...fresh, restartReason: `restoring failed: ${String(failure)}` };
  }
  let timedOut = false;
  try {
    if (failure === undefined) {
      actor.send(event);
      // Most turns settle within the send (no CSS call): no timer or subscription is needed for them.
      if (!isSettled(actor.getSnapshot())) await waitFor(actor, isSettled, { timeout: settleTimeoutMs });
    }
  } catch {
    timedOut = failure === undefined && actor.getSnapshot().status === 'active';
  }
  const snapshot = actor.getSnapshot();
  const state = stateName(snapshot.value);
  const persisted = actor.getPersistedSnapshot();
  const timers = pendingTimers(actor, definition.machine, restored.snapshot ? (stored?.timers ?? []) : [], event.type);
  actor.stop();
  if (failure !== undefined || snapshot.status === 'error') {
    const cause = failure ?? snapshot.error;
    throw new ConversationError(`machine ${definition.id} failed in state "${state}": ${String(cause)}`, state, cause);
  }
  return {
    conversation: {
      machineId: definition.id,
      version: definition.version,
      snapshot: persisted,
      ...(timers.length > 0 ? { timers } : {}),
      ...(stored?.contact ? { contact: stored.contact } : {}),
    },
    replies,
    state,
    timedOut,
    ...(restored.reason === undefined ? {} : { restartReason: restored.reason }),
  };
}

function inputOf(event: UserEvent | TimerEvent): { at: number; profileName?: string } {
  if (!('at' in event)) return { at: Date.now() };
  return { at: event.at, ...(event.profileName === undefined ? {} : { profileName: event.profileName }) };
}
