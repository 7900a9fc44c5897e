import { createActor, waitFor, type AnyActorRef, type AnyMachineSnapshot, type InspectionEvent, type Observer, type Snapshot } from 'xstate';
import type { ConversationInput, ReplyEvent, ReturningUser, UserEvent } from '../domain/conversation.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { Locale } from '../domain/locale.js';
import type { OutboundMessage } from '../domain/outbound.js';
import { stateName } from '../domain/state-name.js';
import type { StoredConversation } from '../ports/conversation-pipeline.js';
import { type DeferredCall, deferredCalls, isDeferredChild } from './effects/deferred-effect.js';
import { pendingTimers } from './pending-timers.js';
import { restorableSnapshot } from './restorable-snapshot.js';

export { stateName };

/** What one event did to a conversation. */
export interface TurnResult {
  readonly conversation: StoredConversation;
  readonly replies: OutboundMessage[];
  /** The state value after the turn, as a dotted path (`active.menu`). */
  readonly state: string;
  /** Effect calls the machine invoked during this turn (deferred: to be run once the turn is committed). */
  readonly effects: DeferredCall[];
  /** Why the stored snapshot was not used, when it was not (the conversation restarted). */
  readonly restartReason?: string;
  /** A child running in the process was still busy when the time ran out; the snapshot keeps it pending. */
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

/**
 * Settled, as a machine test sees it with real promise actors: nothing left to wait for (no busy-tagged state, no
 * running child such as the CSS call).
 */
export function isSettled(snapshot: AnyMachineSnapshot): boolean {
  if (snapshot.status !== 'active') return true;
  if (snapshot.hasTag('busy')) return false;
  return Object.values(snapshot.children as Record<string, AnyActorRef | undefined>).every(
    (child) => child === undefined || (child.getSnapshot() as Snapshot<unknown>).status !== 'active',
  );
}

/**
 * Quiet, as the runtime sees it: no child still running inside this process. Deferred effects do not count (they
 * run outside the turn), so a state waiting for the CSS API is quiet at once.
 */
function isQuiet(snapshot: AnyMachineSnapshot): boolean {
  if (snapshot.status !== 'active') return true;
  return Object.values(snapshot.children as Record<string, AnyActorRef | undefined>).every(
    (child) => child === undefined || isDeferredChild(child) || (child.getSnapshot() as Snapshot<unknown>).status !== 'active',
  );
}

/** An event of the runtime's own: a delayed event that fell due, a delivery report, an effect's outcome. */
export interface RuntimeEvent {
  readonly type: string;
  readonly code?: number;
  readonly output?: unknown;
  readonly error?: unknown;
}

export interface TurnOptions {
  /** Inspection (`INSPECT`): the conversation's actor id and the observer; absent, nothing is attached. */
  readonly inspection?: { readonly actorId: string; readonly inspect: Observer<InspectionEvent> };
  /** What is known of the user's earlier session, given to a new session's input. */
  readonly returning?: ReturningUser;
  /** The language a new session starts in (`START_LOCALE`, `npm run chat -- --lang`); absent, the machine guesses. */
  readonly locale?: Locale;
}

/**
 * Rehydrate → send → wait until quiet → persist. Pure apart from the machine's provided actors: replies and effect
 * calls come back as data, and nothing is written anywhere.
 *
 * @example
 * const { conversation, replies, effects } = await runTurn(definition, stored, { type: 'user.text', text: 'menu', at }, 5_000);
 */
export async function runTurn(
  definition: MachineDefinition,
  stored: StoredConversation | undefined,
  event: UserEvent | RuntimeEvent,
  settleTimeoutMs: number,
  options: TurnOptions = {},
): Promise<TurnResult> {
  const restored = restorableSnapshot(definition, stored);
  const { inspection } = options;
  const actor = createActor(definition.machine, {
    ...(restored.snapshot === undefined ? { input: inputOf(event, options.returning, options.locale) } : { snapshot: restored.snapshot }),
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
    const fresh = await runTurn(definition, undefined, event, settleTimeoutMs, options);
    return { ...fresh, restartReason: `restoring failed: ${String(failure)}` };
  }
  let timedOut = false;
  try {
    if (failure === undefined) {
      actor.send(event);
      // Most turns are quiet within the send: no timer or subscription is needed for them.
      if (!isQuiet(actor.getSnapshot())) await waitFor(actor, isQuiet, { timeout: settleTimeoutMs });
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
  const before = new Set(restored.snapshot ? deferredCalls(restored.snapshot).map((call) => call.callId) : []);
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
    effects: deferredCalls(persisted).filter((call) => !before.has(call.callId)),
    timedOut,
    ...(restored.reason === undefined ? {} : { restartReason: restored.reason }),
  };
}

function inputOf(event: UserEvent | RuntimeEvent, returning: ReturningUser | undefined, locale: Locale | undefined): ConversationInput {
  const at = 'at' in event && typeof event.at === 'number' ? event.at : Date.now();
  const profileName = 'profileName' in event && typeof event.profileName === 'string' ? event.profileName : undefined;
  // A language the user chose earlier wins over the runtime's starting one.
  const startLocale = returning?.remembered['locale'] === undefined ? locale : undefined;
  return { at, ...(profileName === undefined ? {} : { profileName }), ...(returning ? { returning } : {}), ...(startLocale ? { locale: startLocale } : {}) };
}
