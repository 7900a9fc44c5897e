/**
 * Top-level final states. A conversation that reaches one is finished for good: the runtime cannot resume a
 * finished machine, so the user's next message restarts the conversation with the restart notice (which
 * tells them the assistant was updated, untrue here).
 */

import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { Finding } from './problem.js';
import { nodePath } from './state-nodes.js';

/**
 * Every final state directly under the root (a parallel root finishes when all its regions do: each final
 * state of a region is reported then).
 *
 * @example
 * findFinalStates(machine, 'Notre assistant a été mis à jour…');
 * // [{ state: 'done', field: 'type', message: 'a final state ends the conversation: …' }]
 */
export function findFinalStates(machine: AnyStateMachine, restartNotice: string | undefined): Finding[] {
  const root = machine.root;
  const regions = root.type === 'parallel' ? Object.values(root.states as Record<string, AnyStateNode>) : [root];
  const notice = restartNotice === undefined ? 'the welcome again' : `the restart notice ("${restartNotice.slice(0, 50)}${restartNotice.length > 50 ? '…' : ''}") and the welcome`;
  return regions
    .flatMap((region) => Object.values(region.states as Record<string, AnyStateNode>))
    .filter((node) => node.type === 'final')
    .map((node) => ({
      state: nodePath(node),
      field: 'type',
      message:
        `a final state ends the conversation for good: the user's next message gets ${notice}, ` +
        `as if the assistant had been updated. Make it a normal state that waits for the next message (drop type: 'final')`,
    }));
}
