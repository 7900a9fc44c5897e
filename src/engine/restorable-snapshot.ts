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
  if (stored.machineId !== definition.id || stored.version !== definition.version) {
    return { reason: `stored for ${stored.machineId} v${stored.version}, running ${definition.id} v${definition.version}` };
  }
  const snapshot = stored.snapshot as Partial<AnyMachineSnapshot> | null;
  if (!snapshot || typeof snapshot !== 'object' || snapshot.status !== 'active' || snapshot.value === undefined) {
    return { reason: 'stored snapshot is not an active machine snapshot' };
  }
  try {
    definition.machine.resolveState({ value: snapshot.value, context: snapshot.context });
  } catch (error) {
    return { reason: `stored snapshot does not fit the machine: ${(error as Error).message}` };
  }
  // A child whose logic was renamed would restore silently and never finish: refuse it here.
  const known = definition.machine.implementations.actors;
  for (const child of Object.values((snapshot.children ?? {}) as Record<string, { src?: unknown }>)) {
    if (typeof child.src !== 'string' || !(child.src in known)) {
      return { reason: `stored snapshot has a running ${String(child.src)} that the machine no longer provides` };
    }
  }
  return { snapshot: snapshot as Snapshot<unknown> };
}
