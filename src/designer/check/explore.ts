/**
 * Walks a machine the way users and the runtime drive it, with pure transitions (`pure-step.ts`: no
 * actor, no effect): every sample user event from each snapshot (a busy one too: effects run outside the
 * lane, so users write while one is pending), and each invoked actor's outcomes and each delay. Records what the rules need: the states visited, the
 * replies sent, which replies were on screen on arrival in a settled state, and failures.
 */

import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { OutboundMessage } from '../../domain/outbound.js';
import { noteContext } from './context-fields.js';
import { failureOf } from './failures.js';
import type { ExploreOptions, Finding } from './problem.js';
import { type Chain, CostLog, type TurnCost, chainKey, messagesIn } from './message-costs.js';
import { type Stepper, createStepper } from './pure-step.js';
import { type Sent, repliesOf } from './emitted-replies.js';
import { ROOT, activeNodes, valuePath } from './state-nodes.js';

/** A settled snapshot reached right after the user was sent `offered` (the replies since the last settled state). */
export interface Arrival {
  readonly snapshot: AnyMachineSnapshot;
  readonly state: string;
  readonly offered: readonly OutboundMessage[];
}

/** A reply the machine emitted, with the state it was emitted on the way into. */
export interface SentReply {
  readonly state: string;
  readonly message: OutboundMessage;
  /** The locale the conversation spoke when it sent the reply (its context's `locale`), when it has one. */
  readonly locale?: string;
}

/** A context's `locale`, when it is a string. */
const localeOfContext = (context: unknown): string | undefined => {
  const locale = (context as { locale?: unknown } | null | undefined)?.locale;
  return typeof locale === 'string' ? locale : undefined;
};

/** What exploring found. */
export interface Exploration {
  /** The pure stepper used, for rules that try more events on explored snapshots. */
  readonly stepper: Stepper;
  /** Ids of every state node some explored snapshot made active. */
  readonly visited: ReadonlySet<string>;
  /** Snapshots explored further: where a user can act (busy ones included: messages arrive while an effect runs). */
  readonly settled: readonly AnyMachineSnapshot[];
  readonly arrivals: readonly Arrival[];
  readonly replies: readonly SentReply[];
  /** Events that made the machine throw or end in an error. */
  readonly failures: readonly Finding[];
  /** Every context field some explored snapshot had, with the JSON types of its values (`string`, `undefined`…). */
  readonly contextFields: ReadonlyMap<string, ReadonlySet<string>>;
  /** The most messages each user message (or timer) was seen to cost, by the state it arrived in. */
  readonly costs: readonly TurnCost[];
  /** Transitions computed. */
  readonly steps: number;
  /** True when `maxSnapshots` stopped the walk before every snapshot was explored. */
  readonly truncated: boolean;
}

interface Pending {
  readonly snapshot: AnyMachineSnapshot;
  readonly settled: boolean;
  /** Replies since the last settled snapshot (empty when this one is settled). */
  readonly offered: readonly Sent[];
  /** What started the transitions that led here and what it cost so far, while the machine has not settled since. */
  readonly chain?: Chain | undefined;
}

const DEFAULT_OUTPUTS: readonly unknown[] = ['A sample answer from the machine check.', ''];

/** Settled as the runtime defines it: stopped, or no `busy` tag and no child actor. */
export function isSettled(snapshot: AnyMachineSnapshot): boolean {
  return snapshot.status !== 'active' || (!snapshot.hasTag('busy') && Object.keys(snapshot.children).length === 0);
}

let unserializable = 0;

/** Tells snapshots apart by status, value, context and children; a context JSON cannot hold is never merged. */
function keyOf(snapshot: AnyMachineSnapshot): string {
  try {
    return JSON.stringify([snapshot.status, snapshot.value, snapshot.context, Object.keys(snapshot.children)]);
  } catch {
    unserializable += 1;
    return `unserializable:${unserializable}`;
  }
}

/**
 * Explores `machine` breadth first from its initial state with `userEvents`, feeding invoked actors'
 * outcomes and delays as events. Snapshots are told apart by value and context, so a context that counts
 * messages never repeats: `options` bound the walk.
 *
 * @example
 * const found = explore(definition.machine, definition.sampleEvents ?? [], { at: 0 });
 * found.visited.has('css-assistant.menu'); // true
 */
export function explore(
  machine: AnyStateMachine,
  userEvents: readonly EventObject[],
  input: unknown,
  options: ExploreOptions = {},
): Exploration {
  const maxSnapshots = options.maxSnapshots ?? 3000;
  const maxPerState = options.maxPerState ?? 30;
  const outputsOf = (src: unknown): readonly unknown[] =>
    (typeof src === 'string' ? options.actorOutputs?.[src] : undefined) ?? options.sampleOutputs ?? DEFAULT_OUTPUTS;
  const stepper = createStepper(machine, input);
  const visited = new Set<string>();
  const seen = new Set<string>();
  const seenArrivals = new Set<string>();
  const perState = new Map<string, number>();
  const replies = new Map<string, SentReply>();
  const queue: Pending[] = [];
  const settled: AnyMachineSnapshot[] = [];
  const arrivals: Arrival[] = [];
  const failures: Finding[] = [];
  const contextFields = new Map<string, Set<string>>();
  const costs = new CostLog();
  let opening: { readonly snapshot: AnyMachineSnapshot; readonly sent: number } | undefined;
  let [steps, truncated] = [0, false];

  /** `onlySettled`: a message sent while busy is explored further once it left the busy state (bounds the walk). */
  const arrive = (snapshot: AnyMachineSnapshot, emitted: readonly Sent[], before: readonly Sent[], onlySettled = false, chain?: Chain): void => {
    const state = valuePath(snapshot.value);
    for (const node of activeNodes(machine, snapshot.value)) visited.add(node.id);
    noteContext(contextFields, snapshot.context);
    const locale = localeOfContext(snapshot.context);
    for (const { message, json } of emitted) replies.set(`${locale ?? ''}\u0000${state}\u0000${json}`, { state, message, ...(locale ? { locale } : {}) });
    const isNowSettled = isSettled(snapshot);
    const offered = [...before, ...emitted];
    const snapshotKey = keyOf(snapshot);
    const offeredKey = offered.map((sent) => sent.json).join('\u0001');
    if (isNowSettled && offered.some(({ message }) => message.type !== 'text')) {
      const arrivalKey = `${snapshotKey}\u0000${offeredKey}`;
      if (!seenArrivals.has(arrivalKey)) {
        seenArrivals.add(arrivalKey);
        arrivals.push({ snapshot, state, offered: offered.map((sent) => sent.message) });
      }
    }
    const pending: Pending = { snapshot, settled: isNowSettled, offered: isNowSettled ? [] : offered, ...(isNowSettled ? {} : { chain }) };
    const key = isNowSettled ? snapshotKey : `${snapshotKey}\u0000${offeredKey}\u0000${chainKey(chain)}`;
    if (seen.has(key) || snapshot.status !== 'active' || (onlySettled && !isNowSettled)) return;
    seen.add(key);
    queue.push(pending);
  };

  const internalEvents = (snapshot: AnyMachineSnapshot): EventObject[] =>
    activeNodes(machine, snapshot.value).flatMap((node) => [
      ...node.invoke.flatMap((invoke) => [
        ...outputsOf(invoke.src).map((output) => ({ type: `xstate.done.actor.${invoke.id}`, output })),
        { type: `xstate.error.actor.${invoke.id}`, error: new Error('sample failure from the machine check') },
      ]),
      ...node.after.map((delayed) => ({ type: delayed.eventType })),
    ]);

  const step = (from: Pending, event: EventObject): void => {
    steps += 1;
    const fail = (reason: unknown): void => {
      failures.push(failureOf(machine, from.snapshot, event, reason));
    };
    try {
      const [next, actions] = stepper.next(from.snapshot, event);
      if (next.status === 'error') return fail(next.error);
      const emitted = repliesOf(actions);
      const sent = emitted.reduce((sum, { message }) => sum + messagesIn(message), from.snapshot === opening?.snapshot ? opening.sent : 0);
      const state = valuePath(from.snapshot.value);
      const chain = costs.step({ state, event, fromSettled: from.settled, current: from.chain, sent, nextSettled: isSettled(next) });
      arrive(next, emitted, from.offered, !from.settled && event.type.startsWith('user.'), chain);
    } catch (error) {
      fail(error);
    }
  };

  const failToStart = (error: unknown): number => failures.push({ state: ROOT, field: 'initial', message: `the machine fails to start: ${error instanceof Error ? error.message : String(error)}` });
  try {
    const [initial, actions] = stepper.initial();
    if (initial.status === 'error') failToStart(initial.error);
    else {
      // The initial state's replies go out with the first user message's, and cost with them.
      opening = { snapshot: initial, sent: repliesOf(actions).reduce((sum, { message }) => sum + messagesIn(message), 0) };
      arrive(initial, repliesOf(actions), []);
    }
  } catch (error) {
    failToStart(error);
  }
  let explored = 0;
  for (let index = 0; index < queue.length; index += 1) {
    const pending = queue[index] as Pending;
    const state = valuePath(pending.snapshot.value);
    const count = perState.get(state) ?? 0;
    if (count >= maxPerState) continue;
    if (explored >= maxSnapshots) {
      truncated = true;
      break;
    }
    perState.set(state, count + 1);
    explored += 1;
    // Effects run outside the lane: a user may write while one is pending, so busy snapshots take user events too.
    settled.push(pending.snapshot);
    const events = [...userEvents, ...internalEvents(pending.snapshot)];
    for (const event of events) step(pending, event);
  }
  return { stepper, visited, settled, arrivals, replies: [...replies.values()], failures, contextFields, costs: costs.list(), steps, truncated };
}
