import type { Locale } from '../../../src/domain/locale.js';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, serializeEvent, type SerializedSnapshot } from '@xstate/graph';
import type { AnyMachineSnapshot, AnyStateNode, AnyTransitionDefinition, EventObject } from 'xstate';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import { stateName } from '../../engine/run-turn.js';
import { expectedTurns, titleOf, type ExpectedTurn, type PathEvent } from './expected-turns.js';

/** How an invoked actor may end, as explored: each output is a `done` step, `fails` adds an `error` step. */
export interface ActorOutcomes {
  readonly outputs: readonly unknown[];
  readonly fails: boolean;
}

/** What to explore a machine with, beyond its own `sampleEvents`. */
export interface PathOptions {
  /** By `src` (or invoke id), every actor the machine invokes: the runtime waits for it within the turn. */
  readonly actors: Readonly<Record<string, ActorOutcomes>>;
  /** The context that changes what the machine does later; by default none: states differ by value only. */
  readonly serializeContext?: (context: unknown) => unknown;
  /**
   * How many simple paths to replay, sampled evenly from all of them (default 60). `0` skips enumerating
   * them, for a machine with so many interconnected states that listing its simple paths takes too long.
   */
  readonly maxSimplePaths?: number;
  /** Bound of the state-space traversal, against a context that grows without end (default 5000). */
  readonly limit?: number;
  /** The locale every path starts in (the runtime's START_LOCALE); absent, the machine's own default. */
  readonly locale?: Locale;
}

/** A path through the machine, with what the pure machine says the user sees on each turn. */
export interface MachinePath {
  readonly title: string;
  readonly events: readonly PathEvent[];
  readonly turns: readonly ExpectedTurn[];
  /** `transition`: the shortest way to a state then one of its transitions; `simple`: a sampled simple path. */
  readonly origin: 'transition' | 'simple';
}

/** The paths of a machine, with the counts printed after the replay. */
export interface PathPlan {
  readonly paths: readonly MachinePath[];
  readonly states: number;
  /** Transitions covered: distinct (state, transitions the machine takes, next state) triples. */
  readonly transitions: number;
  /** Simple paths found (one event per pair of states), before sampling. */
  readonly simplePaths: number;
}

type Snapshot = AnyMachineSnapshot;

/** A state node and all those below it. */
const allStateNodes = (node: AnyStateNode): AnyStateNode[] => [node, ...Object.values(node.states).flatMap(allStateNodes)];

/** Which transitions of the machine an event takes, by where they are declared (stable across snapshots). */
function transitionKey(transitions: readonly AnyTransitionDefinition[]): string {
  return transitions
    .map((t) => `${t.source.id}:${t.eventType}:${(t.source.transitions.get(t.eventType) ?? t.source.always ?? []).indexOf(t)}`)
    .join(',');
}

/** Evenly spaced picks, so a sample spans the whole (deterministic) list rather than its first branch. */
const spread = <T>(items: readonly T[], count: number): T[] =>
  items.length <= count ? [...items] : Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);

/** The machine's state space over its sample events and its actors' outcomes, as `@xstate/graph` traverses it. */
function explore(definition: MachineDefinition, options: PathOptions) {
  const { machine, sampleEvents = [] } = definition;
  const first = sampleEvents[0];
  if (!first) throw new Error(`${definition.id} has no sampleEvents to explore it with`);
  const actorNames = new Map(
    allStateNodes(machine.root).flatMap((node) => node.invoke.map((invoke) => [invoke.id, typeof invoke.src === 'string' ? invoke.src : invoke.id] as const)),
  );
  const serializeState = (snapshot: Snapshot): string =>
    JSON.stringify([snapshot.value, options.serializeContext?.(snapshot.context) ?? null, Object.keys(snapshot.children)]);
  // While an actor runs the runtime waits for it: its outcomes are the only events, user events come after.
  const eventsFor = (snapshot: Snapshot): PathEvent[] => {
    if (snapshot.status !== 'active') return [];
    const running = Object.keys(snapshot.children);
    if (running.length === 0) return [...sampleEvents];
    return running.flatMap((id): PathEvent[] => {
      const name = actorNames.get(id) ?? id;
      const outcomes = options.actors[name];
      if (!outcomes) throw new Error(`${definition.id}: state ${stateName(snapshot.value)} invokes "${name}": give its outcomes in \`actors\``);
      const done = outcomes.outputs.map((output) => ({ type: `xstate.done.actor.${id}`, output }));
      return outcomes.fails ? [...done, { type: `xstate.error.actor.${id}`, error: `${name} failed` }] : done;
    });
  };
  const traversal = { events: eventsFor, serializeState, limit: options.limit ?? 5000, input: { at: first.at, ...(options.locale ? { locale: options.locale } : {}) } };
  const adjacency = getAdjacencyMap(machine, traversal);
  const edgesFrom = (key: string): { event: PathEvent; state: Snapshot }[] =>
    Object.values(adjacency[key as SerializedSnapshot]?.transitions ?? {}).map(({ event, state }) => ({ event: event as PathEvent, state }));
  /** The path as events, continued with every outcome while an actor runs (never more than 5 deep). */
  const completed = (events: readonly PathEvent[], end: Snapshot, depth = 0): PathEvent[][] => {
    const busy = Object.keys(end.children).length > 0;
    if (!busy || depth > 5) return busy ? [] : [[...events]];
    return edgesFrom(serializeState(end)).flatMap(({ event, state }) => completed([...events, event], state, depth + 1));
  };
  const shortest = new Map<string, PathEvent[]>(
    getShortestPaths(machine, traversal).map((path) => [serializeState(path.state), path.steps.slice(1).map((step) => step.event as PathEvent)]),
  );
  const stateOf = (key: string): Snapshot | undefined => adjacency[key as SerializedSnapshot]?.state;
  return { machine, traversal, serializeState, keys: Object.keys(adjacency), stateOf, edgesFrom, completed, shortest };
}

type Space = ReturnType<typeof explore>;

/**
 * Every shortest path; then, for every state, one path per transition the machine takes there (the first
 * sample event taking it: twenty topics taking the same transition are one); then every sample event at
 * least once. Returns the paths and the number of transitions covered.
 */
function transitionPaths(space: Space): { paths: PathEvent[][]; transitions: number } {
  const paths: PathEvent[][] = [];
  for (const [key, events] of space.shortest) {
    const end = space.stateOf(key);
    if (end) paths.push(...space.completed(events, end));
  }
  const taken = new Set<string>();
  const covered = new Set<string>();
  const uncovered: { events: PathEvent[]; state: Snapshot; event: string }[] = [];
  for (const key of space.keys) {
    const prefix = space.shortest.get(key);
    const from = space.stateOf(key);
    if (!prefix || !from) continue;
    for (const { event, state } of space.edgesFrom(key)) {
      const serialized = serializeEvent(event as EventObject);
      const edge = `${key}|${transitionKey(space.machine.getTransitionData(from, event))}|${space.serializeState(state)}`;
      if (taken.has(edge)) {
        uncovered.push({ events: [...prefix, event], state, event: serialized });
        continue;
      }
      taken.add(edge);
      covered.add(serialized);
      paths.push(...space.completed([...prefix, event], state));
    }
  }
  for (const { events, state, event } of uncovered) {
    if (covered.has(event)) continue;
    covered.add(event);
    paths.push(...space.completed(events, state));
  }
  return { paths, transitions: taken.size };
}

/** All simple paths over one event per pair of states (every event of a pair would multiply them beyond use). */
function simplePaths(space: Space): PathEvent[][] {
  const representatives = (snapshot: Snapshot): PathEvent[] => {
    const from = space.serializeState(snapshot);
    const byTarget = new Map<string, PathEvent>();
    for (const { event, state } of space.edgesFrom(from)) {
      const to = space.serializeState(state);
      if (to !== from && !byTarget.has(to)) byTarget.set(to, event);
    }
    return [...byTarget.values()];
  };
  return getSimplePaths(space.machine, { ...space.traversal, events: representatives })
    .flatMap((path) => space.completed(path.steps.slice(1).map((step) => step.event as PathEvent), path.state))
    .filter((events) => events.length > 1);
}

/**
 * The paths to replay for a machine, derived from it and its `sampleEvents` only (a new state or sample
 * event adds paths by itself): every shortest path to a reachable state (value plus `serializeContext`);
 * for every state, a path through each transition the machine can take there; every sample event at
 * least once; plus an even sample of the simple paths, which string many turns together. A path never
 * ends while an invoked actor runs: it goes on with each of its outcomes.
 *
 * @example
 * const { paths } = machinePaths(cssAssistant, { actors: { askQuestion: { outputs: ['Réponse.'], fails: true } } });
 */
export function machinePaths(definition: MachineDefinition, options: PathOptions): PathPlan {
  const space = explore(definition, options);
  const { paths: covering, transitions } = transitionPaths(space);
  const maxSimple = options.maxSimplePaths ?? 60;
  const simple = maxSimple > 0 ? simplePaths(space) : [];
  const found = new Map<string, { events: PathEvent[]; origin: MachinePath['origin'] }>();
  const add = (origin: MachinePath['origin']) => (events: PathEvent[]): void => {
    const key = events.map((event) => serializeEvent(event as EventObject)).join('>');
    if (events.length > 0 && !found.has(key)) found.set(key, { events, origin });
  };
  covering.forEach(add('transition'));
  spread(simple, maxSimple).forEach(add('simple'));
  const paths = [...found.values()].map(({ events, origin }, index): MachinePath => {
    const turns = expectedTurns(definition.machine, events, options.locale);
    return { title: `#${String(index + 1).padStart(3, '0')} ${titleOf(turns)}`, events, turns, origin };
  });
  return { paths, states: space.keys.length, transitions, simplePaths: simple.length };
}
