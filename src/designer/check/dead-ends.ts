/**
 * States a conversation enters and never leaves although they are not final: every later message of the
 * user would be ignored.
 */

import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { Finding } from './problem.js';
import { allStates, nodePath, selfAndAncestors } from './state-nodes.js';

/** Whether the node itself may leave or react: a transition of any kind, or an invoked actor. */
function hasWayOut(node: AnyStateNode): boolean {
  return node.transitions.size > 0 || (node.always?.length ?? 0) > 0 || node.invoke.length > 0;
}

/**
 * Every atomic, non-final state with no transition (own or inherited from an ancestor) and no invoke.
 *
 * @example
 * findDeadEnds(machine); // [{ state: 'stuck', field: 'on', message: 'no way out: …' }]
 */
export function findDeadEnds(machine: AnyStateMachine): Finding[] {
  return allStates(machine)
    .filter((node) => node.type === 'atomic' && !selfAndAncestors(node).some(hasWayOut))
    .map((node) => ({
      state: nodePath(node),
      field: 'on',
      message: 'no way out: no transition here or in a parent state, no invoke, and the state is not final',
    }));
}
