import type { StateCount, StoredConversation } from '../ports/conversation-pipeline.js';
import { stateName } from '../domain/state-name.js';

/**
 * Tallies stored conversations by machine and state (dotted path), sorted for stable output. A machine with
 * parallel regions counts a conversation once in each region's state (`dialog.menu` and `question.ready`), so
 * every count names a state of the chart.
 */
export function countStates(conversations: Iterable<StoredConversation>): StateCount[] {
  const counts = new Map<string, StateCount>();
  for (const { machineId, snapshot } of conversations) {
    const value = (snapshot as { value?: unknown } | null)?.value;
    if (value === undefined) continue;
    for (const state of stateName(value).split(',')) {
      const key = `${machineId}\u0000${state}`;
      counts.set(key, { machineId, state, count: (counts.get(key)?.count ?? 0) + 1 });
    }
  }
  return [...counts.values()].sort((a, b) => a.machineId.localeCompare(b.machineId) || a.state.localeCompare(b.state));
}
