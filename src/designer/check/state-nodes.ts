/**
 * Reading a machine's tree of state nodes: their dotted paths, and which of them a state value makes
 * active. Shared by every rule so all of them name states the same way.
 */

import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';

/** How problems name the machine's root node. */
export const ROOT = '(root)';

/** `menu`, `form.askNumber`, or `(root)`. */
export function nodePath(node: AnyStateNode): string {
  return node.path.length === 0 ? ROOT : node.path.join('.');
}

function children(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states as Record<string, AnyStateNode>);
}

/** Every state node below the root, parents before children, history pseudo-states left out. */
export function allStates(machine: AnyStateMachine): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const walk = (node: AnyStateNode): void => {
    for (const child of children(node)) {
      if (child.type === 'history') continue;
      out.push(child);
      walk(child);
    }
  };
  walk(machine.root);
  return out;
}

/** The node and its ancestors, innermost first, up to and including the root. */
export function selfAndAncestors(node: AnyStateNode): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  for (let current: AnyStateNode | undefined = node; current; current = current.parent) out.push(current);
  return out;
}

/** Every node a state value makes active, the root included. */
export function activeNodes(machine: AnyStateMachine, value: StateValue): AnyStateNode[] {
  const out: AnyStateNode[] = [machine.root];
  const walk = (node: AnyStateNode, inner: StateValue): void => {
    const states = node.states as Record<string, AnyStateNode | undefined>;
    const entries: [string, StateValue | undefined][] = typeof inner === 'string' ? [[inner, undefined]] : Object.entries(inner);
    for (const [key, below] of entries) {
      const child = states[key];
      if (!child) continue;
      out.push(child);
      if (below !== undefined) walk(child, below);
    }
  };
  walk(machine.root, value);
  return out;
}

/** The dotted path of a state value, as problems show it: `menu`, `form.askNumber`, `a.x,b.y` (parallel). */
export function valuePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  const parts = Object.entries(value).map(([key, inner]) => {
    const rest = inner === undefined ? '' : valuePath(inner);
    return rest === '' ? key : rest.split(',').map((leaf) => `${key}.${leaf}`).join(',');
  });
  return parts.join(',');
}
