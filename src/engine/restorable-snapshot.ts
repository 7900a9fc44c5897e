import type { AnyMachineSnapshot, Snapshot } from 'xstate';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { StoredConversation } from '../ports/conversation-pipeline.js';

/**
 * Decides whether a stored snapshot can be restored into `definition`. A snapshot of another machine or
 * version, a finished one, or one whose state no longer exists is refused with a reason, so the
 * conversation starts fresh instead of crashing (XState would raise an uncaught error on the next tick).
 */
export function restorableSnapshot(
  definition: MachineDefinition,
  stored: StoredConversation | undefined,
): { snapshot?: Snapshot<unknown>; reason?: string } {
  if (stored === undefined) return {};
  if (stored.machineId !== definition.id) {
    return { reason: `stored for machine ${stored.machineId}, this number now runs ${definition.id}` };
  }
  let candidate = stored.snapshot;
  if (stored.version !== definition.version) {
    const migrated = migrate(definition, stored);
    if ('reason' in migrated) return migrated;
    candidate = migrated.snapshot;
  }
  const snapshot = candidate as Partial<AnyMachineSnapshot> | null;
  if (!snapshot || typeof snapshot !== 'object' || snapshot.status !== 'active' || snapshot.value === undefined) {
    return { reason: 'stored snapshot is not an active machine snapshot' };
  }
  const problem = stateValueProblem(definition, snapshot.value, snapshot.context);
  if (problem !== undefined) return { reason: `stored snapshot does not fit the machine: ${problem}` };
  // A child whose logic was renamed would restore silently and never finish: refuse it here.
  const known = definition.machine.implementations.actors;
  for (const child of Object.values((snapshot.children ?? {}) as Record<string, { src?: unknown }>)) {
    if (typeof child.src !== 'string' || !(child.src in known)) {
      return { reason: `stored snapshot has a running ${String(child.src)} that the machine no longer provides` };
    }
  }
  return { snapshot: snapshot as Snapshot<unknown> };
}

/** State values known to fit each machine: checking one builds a whole snapshot, and a machine has few values. */
const fittingValues = new WeakMap<MachineDefinition, Set<string>>();

/** Why `value` names no state configuration of the machine, or undefined when it fits (checked once per value). */
function stateValueProblem(definition: MachineDefinition, value: unknown, context: unknown): string | undefined {
  const key = JSON.stringify(value);
  let known = fittingValues.get(definition);
  if (known?.has(key)) return undefined;
  try {
    definition.machine.resolveState({ value: value as AnyMachineSnapshot['value'], context });
  } catch (error) {
    return (error as Error).message;
  }
  if (!known) fittingValues.set(definition, (known = new Set()));
  // Bounded by the machine's state configurations; a cap guards against values no machine would produce.
  if (known.size < 10_000) known.add(key);
  return undefined;
}

/** Runs the machine's migration from the stored version, if it has one; a throw counts as "cannot". */
function migrate(definition: MachineDefinition, stored: StoredConversation): { snapshot: unknown } | { reason: string } {
  const from = `v${stored.version} to v${definition.version}`;
  if (!definition.migrate) return { reason: `stored by ${from}: no migration` };
  try {
    const snapshot = definition.migrate(stored.snapshot, stored.version);
    return snapshot === undefined ? { reason: `migration ${from} declined` } : { snapshot };
  } catch (error) {
    return { reason: `migration ${from} failed: ${(error as Error).message}` };
  }
}
