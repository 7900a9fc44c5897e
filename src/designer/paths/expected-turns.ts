import type { Locale } from '../../../src/domain/locale.js';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../domain/conversation.js';
import type { OutboundMessage } from '../../domain/outbound.js';
import { stateName } from '../../engine/run-turn.js';

/**
 * What the pure machine does along a path, cut into the turns the runtime makes of it: one user event,
 * then the outcomes of the actors it invoked (the runtime waits for them before it answers).
 */

/** `xstate.done.actor.<id>` with an `output`, or `xstate.error.actor.<id>` with an `error`. */
export type OutcomeEvent = EventObject & { readonly output?: unknown; readonly error?: unknown };
/** One step of a path: what a user sends, or how an invoked actor ended. */
export type PathEvent = UserEvent | OutcomeEvent;

/** One call of an invoked actor during a turn, and how the path says it ends. */
export interface ActorCall {
  /** The actor's `src` as the machine names it (`askQuestion`), else its invoke id. */
  readonly actor: string;
  readonly input: unknown;
  readonly outcome: { readonly output: unknown } | { readonly error: unknown };
}

/** One webhook's worth of a path. */
export interface ExpectedTurn {
  readonly event: UserEvent;
  readonly calls: readonly ActorCall[];
  readonly replies: readonly OutboundMessage[];
  /** The settled state after the turn, as the runtime names it (`idle`, `form.ask`). */
  readonly state: string;
}

const OUTCOME = /^xstate\.(done|error)\.actor\.(.+)$/;

/** The invoked actor an outcome event belongs to, or `undefined` for a user event. */
export function outcomeOf(event: EventObject): { readonly kind: 'done' | 'error'; readonly id: string } | undefined {
  const match = OUTCOME.exec(event.type);
  return match?.[1] && match[2] ? { kind: match[1] as 'done' | 'error', id: match[2] } : undefined;
}

interface Effects {
  readonly replies: OutboundMessage[];
  readonly spawned: { id: string; actor: string; input: unknown }[];
}

function collect(actions: readonly { type: string; params?: unknown }[], into: Effects): void {
  for (const { type, params } of actions) {
    const p = (params ?? {}) as { event?: Partial<ReplyEvent>; id?: unknown; src?: unknown; input?: unknown };
    if (type === 'xstate.emit' && p.event?.type === 'reply' && p.event.message) into.replies.push(p.event.message);
    if (type === 'xstate.spawnChild' && typeof p.id === 'string') {
      into.spawned.push({ id: p.id, actor: typeof p.src === 'string' ? p.src : p.id, input: p.input });
    }
  }
}

type Step = readonly [AnyMachineSnapshot, readonly { type: string; params?: unknown }[]];

/** Pure transitions are not cheap and paths share their beginnings: each prefix is played once. */
const played = new WeakMap<AnyStateMachine, Map<string, Step>>();

function play(machine: AnyStateMachine, key: string, run: () => Step): Step {
  const cache = played.get(machine) ?? played.set(machine, new Map()).get(machine);
  const hit = cache?.get(key);
  if (hit) return hit;
  const step = run();
  cache?.set(key, step);
  return step;
}

/**
 * Plays `events` through the pure machine (`initialTransition`/`transition`, no actor, no I/O), as the
 * runtime would: the first event's time and name (and the locale the runtime starts in) are the session's input, the initial state's own replies
 * go with the first turn.
 *
 * @example
 * const turns = expectedTurns(cssAssistant.machine, [text('bonjour'), text('menu')]);
 * turns[1].replies // [{ type: 'list', … }]
 */
export function expectedTurns(machine: AnyStateMachine, events: readonly PathEvent[], locale?: Locale): ExpectedTurn[] {
  const first = events[0] as UserEvent | undefined;
  if (!first || outcomeOf(first)) throw new Error('a path starts with a user event');
  // The runtime's START_LOCALE, when the path is replayed in a locale.
  const input = { at: first.at, profileName: first.profileName, ...(locale ? { locale } : {}) };
  let key = JSON.stringify(input);
  const [initialSnapshot, initActions] = play(machine, key, () => initialTransition(machine, input));
  let snapshot = initialSnapshot;
  const initial: Effects = { replies: [], spawned: [] };
  collect(initActions, initial);
  const turns: { event: UserEvent; calls: ActorCall[]; effects: Effects; state: string }[] = [];
  for (const event of events) {
    const outcome = outcomeOf(event);
    if (!outcome) {
      turns.push({ event: event as UserEvent, calls: [], effects: turns.length === 0 ? initial : { replies: [], spawned: [] }, state: '' });
    }
    const turn = turns.at(-1);
    if (!turn) throw new Error(`${event.type} before any user event`);
    if (outcome) {
      const index = turn.effects.spawned.findIndex((spawn) => spawn.id === outcome.id);
      const [spawn] = index < 0 ? [] : turn.effects.spawned.splice(index, 1);
      if (!spawn) throw new Error(`${event.type}: ${outcome.id} is not running`);
      const { output, error } = event as OutcomeEvent;
      const end = outcome.kind === 'done' ? { output } : { error };
      turn.calls.push({ actor: spawn.actor, input: spawn.input, outcome: end });
    }
    const from = snapshot;
    key = `${key}>${JSON.stringify(event)}`;
    const [next, actions] = play(machine, key, () => transition(machine, from, event));
    collect(actions, turn.effects);
    snapshot = next;
    turn.state = stateName(next.value);
  }
  return turns.map(({ event, calls, effects, state }) => {
    if (effects.spawned.length > 0) throw new Error(`the path ends while ${effects.spawned.map((s) => s.actor).join(', ')} still runs`);
    return { event, calls, replies: effects.replies, state };
  });
}

const short = (text: string): string => (text.length > 22 ? `${text.slice(0, 21)}…` : text);
function describeEvent(event: UserEvent): string {
  switch (event.type) {
    case 'user.text':
      return JSON.stringify(short(event.text));
    case 'user.choice':
      return `[${event.id}]`;
    case 'user.media':
      return `<${event.media}>`;
    case 'user.other':
      return `<${event.kind}>`;
  }
}

/**
 * A path in one line, for test names: each turn's message, its actors' outcomes and the state it leaves.
 *
 * @example
 * titleOf(turns) // '"menu" → menu, [cotisations.taux] (askQuestion error) → idle'
 */
export function titleOf(turns: readonly ExpectedTurn[]): string {
  return turns
    .map((turn) => {
      const outcomes = turn.calls.map((call) => ` (${call.actor} ${'output' in call.outcome ? 'done' : 'error'})`).join('');
      return `${describeEvent(turn.event)}${outcomes} → ${turn.state}`;
    })
    .join(', ');
}
