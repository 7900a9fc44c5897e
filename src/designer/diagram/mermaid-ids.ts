import type { AnyStateNode } from 'xstate';

/**
 * Mermaid ids for the state nodes of a machine: the state's key when it is unique in the machine and a
 * plain word, else its path joined by `_` (`form_ask`), made unique with a suffix when needed. Mermaid
 * ids are global to a diagram, so two `ask` states in two compound states must not share one.
 */

/** Words Mermaid's state diagram parser reads as keywords. */
const RESERVED = new Set(['state', 'note', 'end', 'as', 'direction', 'class', 'classdef', 'style', 'click', 'default', 'hide', 'left', 'right', 'of']);

const sanitize = (text: string): string => {
  const id = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(id) || RESERVED.has(id.toLowerCase()) ? `s_${id}` : id;
};

/** Every state node below `root`, in document order (pre-order, states in the order they are declared). */
export function descendants(root: AnyStateNode): AnyStateNode[] {
  return Object.values(root.states).flatMap((child) => [child, ...descendants(child)]);
}

/** The ids to draw with, and the label of each node whose id is not its own key. */
export interface MermaidIds {
  /** The id of a state node; the root's is the id of its "any state" node. */
  readonly of: (node: AnyStateNode) => string;
  /** The id of the "any state" node of a compound state: where its own transitions start. */
  readonly anyOf: (node: AnyStateNode) => string;
  /** Whether the node's id differs from its key, so a `state "key" as id` declaration must label it. */
  readonly isAliased: (node: AnyStateNode) => boolean;
}

/**
 * Assigns the ids of one machine, deterministically (same machine, same ids).
 *
 * @example
 * const ids = assignMermaidIds(machine.root);
 * ids.of(machine.getStateNodeById('css-assistant.idle')) // 'idle'
 */
export function assignMermaidIds(root: AnyStateNode): MermaidIds {
  const nodes = descendants(root);
  const keyCount = new Map<string, number>();
  for (const node of nodes) keyCount.set(node.key, (keyCount.get(node.key) ?? 0) + 1);
  const taken = new Set<string>();
  const unique = (wanted: string): string => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}_${n}`;
    taken.add(id);
    return id;
  };
  const ids = new Map<AnyStateNode, string>();
  const anyIds = new Map<AnyStateNode, string>();
  // Plain unique keys first, so that they keep their own name whatever the order of the others.
  for (const node of nodes) {
    if (keyCount.get(node.key) === 1 && sanitize(node.key) === node.key) ids.set(node, unique(node.key));
  }
  for (const node of nodes) if (!ids.has(node)) ids.set(node, unique(sanitize(node.path.join('_'))));
  for (const node of [root, ...nodes]) {
    if (Object.keys(node.states).length > 0) anyIds.set(node, unique(node === root ? 'any_state' : `${ids.get(node)}_any`));
  }
  const get = (map: Map<AnyStateNode, string>, node: AnyStateNode): string => {
    const id = map.get(node);
    if (id === undefined) throw new Error(`state ${node.id} is not part of this machine`);
    return id;
  };
  return {
    of: (node) => (node === root ? get(anyIds, root) : get(ids, node)),
    anyOf: (node) => get(anyIds, node),
    isAliased: (node) => node !== root && get(ids, node) !== node.key,
  };
}
