import type { StateCount, StoredConversation } from '../ports/conversation-pipeline.js';
import { stateName } from '../domain/state-name.js';

/** Tallies stored conversations by machine and state value (dotted path), sorted for stable output. */
export function countStates(conversations: Iterable<StoredConversation>): StateCount[] {
  const counts = new Map<string, StateCount>();
  for (const { machineId, snapshot } of conversations) {
    const value = (snapshot as { value?: unknown } | null)?.value;
    if (value === undefined) continue;
    const state = stateName(value);
    const key = `${machineId}\u0000${state}`;
    counts.set(key, { machineId, state, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => a.machineId.localeCompare(b.machineId) || a.state.localeCompare(b.state));
}
