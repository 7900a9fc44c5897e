import type { StateCount, StoredConversation } from '../ports/conversation-pipeline.js';
import { isLocale, REFERENCE_LOCALE } from '../domain/locale.js';
import { stateName } from '../domain/state-name.js';

/** The language a stored conversation speaks: its context's `locale`, else the reference (French). */
const localeOf = (snapshot: unknown): string => {
  const locale = (snapshot as { context?: { locale?: unknown } } | null)?.context?.locale;
  return isLocale(locale) ? locale : REFERENCE_LOCALE;
};

/**
 * Tallies stored conversations by machine and state (dotted path), sorted for stable output. A machine with
 * parallel regions counts a conversation once in each region's state (`dialog.menu` and `question.ready`), so
 * every count names a state of the chart. Each count is also split by the language the conversations speak.
 */
export function countStates(conversations: Iterable<StoredConversation>): StateCount[] {
  const counts = new Map<string, StateCount>();
  for (const { machineId, snapshot } of conversations) {
    const value = (snapshot as { value?: unknown } | null)?.value;
    if (value === undefined) continue;
    const locale = localeOf(snapshot);
    for (const state of stateName(value).split(',')) {
      const key = `${machineId}\u0000${state}`;
      const seen = counts.get(key);
      const byLocale = { ...seen?.byLocale, [locale]: (seen?.byLocale?.[locale] ?? 0) + 1 };
      counts.set(key, { machineId, state, count: (seen?.count ?? 0) + 1, byLocale });
    }
  }
  return [...counts.values()].sort((a, b) => a.machineId.localeCompare(b.machineId) || a.state.localeCompare(b.state));
}
