import { assignMermaidIds, descendants } from '../../designer/diagram/mermaid-ids.js';
import { runtimeTransitionNotes, toMermaid } from '../../designer/diagram/index.js';
import type { MachineDefinition } from '../../domain/machine-definition.js';

/** What the flow page shows of one machine, computed once when the routes are mounted. */
export interface MachineView {
  readonly id: string;
  readonly version: number;
  readonly description: string | undefined;
  /** Mermaid `stateDiagram-v2` source, or why it could not be drawn. */
  readonly diagram: { readonly source: string } | { readonly error: string };
  /** Dotted paths of the states a conversation can rest in (atomic and final), in declaration order. */
  readonly states: readonly string[];
  /** Dotted state path → Mermaid node id, so the browser can mark the states that hold conversations. */
  readonly nodeIds: Readonly<Record<string, string>>;
  /** For a machine of parallel regions (counted once in each), the region whose counts add up to its conversations. */
  readonly countedIn?: string;
}

/** How many conversations `counts` stand for: a machine of parallel regions is counted in its first region only. */
export function conversationTotal(counts: readonly { machineId: string; state: string; count: number }[], views: readonly MachineView[]): number {
  const region = new Map(views.map((view) => [view.id, view.countedIn]));
  return counts.reduce((sum, row) => {
    const countedIn = region.get(row.machineId);
    return countedIn === undefined || row.state.startsWith(`${countedIn}.`) ? sum + row.count : sum;
  }, 0);
}

/**
 * Reads the machines once: diagram (from the designers' `toMermaid`, its arrows labelled with what users send
 * and the keys of the texts replied), resting states and node ids. A machine that cannot be drawn still gets its
 * table, with the reason in place of the diagram.
 *
 * @example
 * const views = await machineViews(machines); // [{ id: 'css-assistant', states: ['welcome', 'idle', …], … }]
 */
export async function machineViews(machines: Readonly<Record<string, MachineDefinition>>): Promise<MachineView[]> {
  const views: MachineView[] = [];
  for (const definition of Object.values(machines)) {
    const root = definition.machine.root;
    const nodes = descendants(root).filter((node) => node.type !== 'history');
    const ids = assignMermaidIds(root);
    let diagram: MachineView['diagram'];
    try {
      diagram = { source: toMermaid(definition, await runtimeTransitionNotes(definition)) };
    } catch (error) {
      diagram = { error: error instanceof Error ? error.message : String(error) };
    }
    views.push({
      id: definition.id,
      version: definition.version,
      description: definition.description,
      diagram,
      states: nodes.filter((node) => node.type === 'atomic' || node.type === 'final').map((node) => node.path.join('.')),
      nodeIds: Object.fromEntries(nodes.map((node) => [node.path.join('.'), ids.of(node)])),
      ...(root.type === 'parallel' ? { countedIn: Object.keys(root.states)[0] } : {}),
    });
  }
  return views;
}
