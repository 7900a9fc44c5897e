/**
 * States no conversation can reach: first in the chart itself (no transition leads there), then in the
 * exploration with the sample events (the transitions exist but no user message takes them).
 */

import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { Finding } from './problem.js';
import { allStates, nodePath } from './state-nodes.js';

const childrenOf = (node: AnyStateNode): AnyStateNode[] => Object.values(node.states as Record<string, AnyStateNode>);

/**
 * Ids of the state nodes some chain of transitions can activate, from the initial state: targets of every
 * transition (events, `always`, `after`, invoke outcomes, `onDone`), with the initial children of compound
 * states and every region of parallel ones. Guards are ignored: any transition may be taken.
 *
 * @example
 * staticallyReachable(machine).has('css-assistant.menu'); // true
 */
export function staticallyReachable(machine: AnyStateMachine): Set<string> {
  const reached = new Set<string>();
  const toScan: AnyStateNode[] = [];
  const mark = (node: AnyStateNode): boolean => {
    if (reached.has(node.id)) return false;
    reached.add(node.id);
    toScan.push(node);
    return true;
  };
  const enterAncestor = (node: AnyStateNode | undefined): void => {
    if (!node || !mark(node)) return;
    if (node.type === 'parallel') childrenOf(node).forEach(enter);
    enterAncestor(node.parent);
  };
  function enter(node: AnyStateNode): void {
    if (node.type === 'history') {
      // Resuming history re-enters a child seen before, or the parent's initial one.
      const fallback = node.parent?.initial.target ?? [];
      fallback.forEach(enter);
      return;
    }
    if (!mark(node)) return;
    enterAncestor(node.parent);
    if (node.type === 'compound') node.initial.target.forEach(enter);
    if (node.type === 'parallel') childrenOf(node).forEach(enter);
  }
  enter(machine.root);
  for (let i = 0; i < toScan.length; i += 1) {
    const node = toScan[i] as AnyStateNode;
    const transitions = [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
    for (const transition of transitions) (transition.target ?? []).forEach(enter);
  }
  return reached;
}

/**
 * Every unreachable state, reported once at its outermost unreachable ancestor. `visited` holds the ids the
 * exploration activated; without it (no sample events) only the chart is checked.
 *
 * @example
 * findUnreachable(machine, exploration.visited); // [{ state: 'orphan', field: 'state', message: 'unreachable: no transition leads here' }]
 */
export function findUnreachable(machine: AnyStateMachine, visited: ReadonlySet<string> | undefined, truncated = false): Finding[] {
  const inChart = staticallyReachable(machine);
  // A nested final state is left in the same step it is entered (its parent's onDone): seen once its parent is.
  const seen = (node: AnyStateNode): boolean =>
    visited === undefined || visited.has(node.id) || (node.type === 'final' && node.parent !== undefined && visited.has(node.parent.id));
  const reachable = (node: AnyStateNode): boolean => inChart.has(node.id) && seen(node);
  return allStates(machine).flatMap((node) => {
    if (reachable(node) || (node.parent && node.parent !== machine.root && !reachable(node.parent))) return [];
    const message = inChart.has(node.id)
      ? `never reached: no sample event leads here from the initial state${truncated ? ' (exploration stopped at its limit)' : ''}`
      : 'unreachable: no transition leads here';
    return [{ state: nodePath(node), field: 'state', message }];
  });
}
