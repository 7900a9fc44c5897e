import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import { assignMermaidIds, descendants, type MermaidIds } from './mermaid-ids.js';
import { actionLabel, cleanText, transitionLabel } from './mermaid-labels.js';
import type { TransitionNotes } from './transition-notes.js';

/** One arrow, drawn inside the block of `block` (the machine's root for top-level arrows). */
interface Arrow {
  readonly block: AnyStateNode;
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

const isCompound = (node: AnyStateNode): boolean => Object.keys(node.states).length > 0;
const ancestors = (node: AnyStateNode): AnyStateNode[] => (node.parent ? [node.parent, ...ancestors(node.parent)] : []);
const isInside = (node: AnyStateNode, ancestor: AnyStateNode): boolean => ancestors(node).includes(ancestor);

/** The child of `ancestor` that is, or contains, `node`. */
function childOf(ancestor: AnyStateNode, node: AnyStateNode): AnyStateNode {
  return node.parent === ancestor || !node.parent ? node : childOf(ancestor, node.parent);
}

/** The state a compound state starts in, all the way down (`form` → `form.ask`). */
function initialLeaf(node: AnyStateNode): AnyStateNode {
  const first = node.type === 'compound' ? node.initial.target[0] : undefined;
  return first ? initialLeaf(first) : node;
}

const relative = (node: AnyStateNode, from: AnyStateNode): string => node.path.slice(from.path.length - 1).join('.');

/**
 * Where the arrows of one transition go. Mermaid cannot draw an arrow between states of two different
 * compound states, so both ends are lifted to the compound states that hold them, and the label says
 * which nested state the arrow really leaves from or leads to. Transitions declared on a compound state
 * (or on the machine itself) that lead inside it start from its "any state" node.
 */
function arrowsOf(transition: AnyTransitionDefinition, node: AnyStateNode, ids: MermaidIds, notes?: TransitionNotes): Arrow[] {
  const label = transitionLabel(transition, notes?.get(transition));
  return (transition.target ?? []).map((target): Arrow => {
    if (isCompound(node) && (target === node || isInside(target, node))) {
      const to = target === node ? node : childOf(node, target);
      const into = to === target || initialLeaf(to) === target ? '' : ` (to ${relative(target, to)})`;
      return { block: node, from: ids.anyOf(node), to: to === node ? ids.anyOf(node) : ids.of(to), label: `${label}${into}` };
    }
    const block = ancestors(node).find((candidate) => candidate === target.parent || isInside(target, candidate));
    if (!block) throw new Error(`transition from ${node.id} to ${target.id} leaves the machine`);
    const from = childOf(block, node);
    const to = childOf(block, target);
    const notes = [
      from === node ? '' : `from ${relative(node, from)}`,
      to === target || initialLeaf(to) === target ? '' : `to ${relative(target, to)}`,
    ].filter(Boolean);
    return { block, from: ids.of(from), to: ids.of(to), label: notes.length ? `${label} (${notes.join(', ')})` : label };
  });
}

/** Lines that answer with the same texts become one: `“aide” ⇒ texts.help` + `tap Aide ⇒ texts.help` → `“aide” · tap Aide ⇒ texts.help`. */
function joinBySuffix(labels: readonly string[]): string[] {
  const joined: string[] = [];
  for (const label of labels) {
    const at = label.lastIndexOf(' ⇒ ');
    const suffix = at < 0 ? undefined : label.slice(at);
    const index = suffix === undefined ? -1 : joined.findIndex((line) => line.endsWith(suffix));
    if (index < 0 || suffix === undefined) joined.push(label);
    else joined[index] = `${(joined[index] as string).slice(0, -suffix.length)} · ${label.slice(0, at)}${suffix}`;
  }
  return joined;
}

/**
 * Every arrow of the machine in document order, arrows with the same ends merged into one whose label has a
 * line per transition (still in the order the machine tries them): parallel arrows make Mermaid's labels
 * overlap. A transition with no target loops on its state.
 */
function collectArrows(root: AnyStateNode, ids: MermaidIds, notes?: TransitionNotes): Arrow[] {
  const merged = new Map<string, { arrow: Arrow; labels: string[] }>();
  const add = (arrow: Arrow): void => {
    const key = `${arrow.block.id}\u0000${arrow.from}\u0000${arrow.to}`;
    const entry = merged.get(key) ?? merged.set(key, { arrow, labels: [] }).get(key);
    if (entry && !entry.labels.includes(arrow.label)) entry.labels.push(arrow.label);
  };
  for (const node of [root, ...descendants(root)]) {
    for (const transition of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) {
      if (transition.target?.length) {
        arrowsOf(transition, node, ids, notes).forEach(add);
      } else {
        const self = isCompound(node) ? ids.anyOf(node) : ids.of(node);
        add({ block: isCompound(node) ? node : (node.parent ?? root), from: self, to: self, label: transitionLabel(transition, notes?.get(transition)) });
      }
    }
  }
  return [...merged.values()].map(({ arrow, labels }) => ({ ...arrow, label: joinBySuffix(labels).join('<br/>') }));
}

/** The timer actions XState adds for `after` (a delayed `raise` on entry, a `cancel` on exit): drawn as arrows already. */
function isTimer(action: unknown): boolean {
  if (typeof action !== 'function') return false;
  const { id, sendId } = action as { id?: unknown; sendId?: unknown };
  return [id, sendId].some((value) => typeof value === 'string' && value.startsWith('xstate.after.'));
}

/** What an atomic state does on its own: entry actions, invoked actors, exit actions. */
function notesOf(node: AnyStateNode): string[] {
  const names = (actions: readonly unknown[]): string => cleanText(actions.map(actionLabel).join(', '));
  const entry = node.entry.filter((action) => !isTimer(action));
  const exit = node.exit.filter((action) => !isTimer(action));
  return [
    ...(entry.length ? [`entry / ${names(entry)}`] : []),
    ...node.invoke.map((invoke) => `invoke ${cleanText(typeof invoke.src === 'string' ? invoke.src : invoke.id)}`),
    ...(exit.length ? [`exit / ${names(exit)}`] : []),
  ];
}

function declaration(node: AnyStateNode, ids: MermaidIds): string {
  const id = ids.of(node);
  if (node.type === 'history') return `state "${node.history === 'deep' ? 'H*' : 'H'}" as ${id}`;
  return ids.isAliased(node) ? `state "${cleanText(node.key)}" as ${id}` : id;
}

/** The lines inside one block: its any-state node, initial marker, states (nested blocks), then its arrows. */
function renderBlock(block: AnyStateNode, root: AnyStateNode, ids: MermaidIds, arrows: readonly Arrow[], depth: number): string[] {
  const pad = '  '.repeat(depth);
  const own = arrows.filter((arrow) => arrow.block === block && arrow.from !== arrow.to);
  // A transition that stays put is a line ↺ inside its state: Mermaid draws self-loops with overlapping labels.
  const loops = (id: string): string[] =>
    arrows.filter((arrow) => arrow.from === id && arrow.to === id).flatMap((arrow) => arrow.label.split('<br/>').map((line) => `↺ ${line}`));
  const lines: string[] = [];
  const anyId = isCompound(block) ? ids.anyOf(block) : undefined;
  if (anyId && arrows.some((arrow) => arrow.block === block && (arrow.from === anyId || arrow.to === anyId))) {
    lines.push(`${pad}state "${block === root ? 'any state' : `any ${cleanText(block.key)} state`}" as ${anyId}`);
    lines.push(...loops(anyId).map((text) => `${pad}${anyId} : ${text}`));
  }
  const initial = block.type === 'compound' ? block.initial.target[0] : undefined;
  if (initial) lines.push(`${pad}[*] --> ${ids.of(initial)}`);
  Object.values(block.states).forEach((child, index) => {
    // Mermaid separates regions with `--` only inside a composite state; a parallel root's regions stand side by side.
    if (block.type === 'parallel' && block !== root && index > 0) lines.push(`${pad}--`);
    const id = ids.of(child);
    if (isCompound(child)) {
      lines.push(`${pad}${declaration(child, ids).replace(/^(?!state )/, 'state ')} {`);
      lines.push(...renderBlock(child, root, ids, arrows, depth + 1), `${pad}}`);
    } else {
      // Mermaid titles a state with its first description: name the state before its notes.
      const notes = [...notesOf(child), ...loops(id)];
      const title = notes.length > 0 && !ids.isAliased(child) ? [cleanText(child.key)] : [];
      lines.push(`${pad}${declaration(child, ids)}`, ...[...title, ...notes].map((text) => `${pad}${id} : ${text}`));
    }
    if (child.type === 'final') lines.push(`${pad}${id} --> [*]`);
  });
  lines.push(...own.map((arrow) => `${pad}${arrow.from} --> ${arrow.to} : ${arrow.label}`));
  return lines;
}

/**
 * A Mermaid `stateDiagram-v2` of a machine: every state (compound states as `state X { … }` blocks),
 * initial and final markers, arrows labelled `event [guard]` (one line per transition when several join
 * the same two states), invoked actors' outcomes as `askQuestion done` / `askQuestion error`, and what
 * each state does on entry, while active and on exit. Transitions the machine (or a compound state)
 * declares for all its states start from a dashed "any state" node; transitions without a target are lines
 * `↺ event` inside the state that declares them. With `notes` (from `noteTransitions`), arrows read what users send and the keys
 * of the texts replied instead of event and guard names. The output
 * depends only on the machine, in declaration order, so a committed diagram changes when the machine does.
 *
 * @example
 * toMermaid(cssAssistant)
 * // stateDiagram-v2
 * //   state "any state" as any_state
 * //   [*] --> welcome
 * //   …
 * //   any_state --> help : user.text [isHelpCommand]
 */
export function toMermaid(definition: Pick<MachineDefinition, 'machine'>, notes?: TransitionNotes): string {
  const root = definition.machine.root;
  const ids = assignMermaidIds(root);
  const arrows = collectArrows(root, ids, notes);
  const anyIds = [root, ...descendants(root)].filter(isCompound).map((node) => ids.anyOf(node));
  const used = anyIds.filter((id) => arrows.some((arrow) => arrow.from === id || arrow.to === id));
  return [
    'stateDiagram-v2',
    // Left to right: the many arrows of the "any state" node stack up instead of spreading a page wide.
    '  direction LR',
    ...renderBlock(root, root, ids, arrows, 1),
    ...(used.length ? ['  classDef anyState fill:none,stroke-dasharray:4 4', `  class ${used.join(', ')} anyState`] : []),
  ].join('\n');
}
