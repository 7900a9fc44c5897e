/**
 * Trying a `migrate` before shipping: a conversation stored in each state of the previous version, with a
 * value in every context field it had, goes through `migrate` and must come out restorable by today's
 * machine, its fields carried over.
 */

import type { StateValue } from 'xstate';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import { restorableSnapshot } from '../../engine/restorable-snapshot.js';
import type { Finding } from '../check/problem.js';
import type { MachineShape } from './machine-shape.js';

/** `form.ask` → `{ form: 'ask' }`. */
function valueOf(path: string): StateValue {
  const [head = '', ...rest] = path.split('.');
  return rest.length === 0 ? head : { [head]: valueOf(rest.join('.')) };
}

/** A value of the recorded type, told apart from every other field's, so that a renamed field can be found again. */
function sampleOf(field: string, types: readonly string[], index: number): unknown {
  const marker = `stored ${field}`;
  const samples: Readonly<Record<string, unknown>> = { string: marker, number: 1000 + index, object: { [marker]: true }, array: [marker], boolean: true, null: null };
  const type = types.find((candidate) => candidate in samples);
  return type === undefined ? undefined : samples[type];
}

/** A value of the recorded type for each field that can hold one. */
function sampleContext(shape: MachineShape): Record<string, unknown> {
  return Object.fromEntries(Object.entries(shape.context).map(([field, types], index) => [field, sampleOf(field, types, index)]));
}

/** Whether `value` (a sample unique to its field) is still in the migrated context, under a field today's machine has. */
const carried = (value: unknown, after: Readonly<Record<string, unknown>>, current: MachineShape): boolean =>
  typeof value === 'boolean' ||
  value === null ||
  Object.entries(after).some(([field, kept]) => field in current.context && JSON.stringify(kept) === JSON.stringify(value));

/** States with no child: where a stored conversation rests. */
const leaves = (shape: MachineShape): string[] => shape.states.filter((state) => !shape.states.some((other) => other.startsWith(`${state}.`)));

/**
 * Every stored state of `previous` that `definition.migrate` turns into something today's machine cannot
 * restore, and every context field the migration drops (today's machine no longer has it and `migrate` did
 * not carry it over). A migration that declines (returns undefined) restarts the conversation: not a problem.
 *
 * @example
 * findMigrationProblems(definition, recordedV1, shapeOf(definition, fields));
 */
export function findMigrationProblems(definition: MachineDefinition, previous: MachineShape, current: MachineShape): Finding[] {
  const migrate = definition.migrate;
  if (!migrate) return [];
  const findings: Finding[] = [];
  const dropped = new Set<string>();
  const from = `migrate from v${previous.version}`;
  for (const state of leaves(previous)) {
    const context = sampleContext(previous);
    const stored = { status: 'active', value: valueOf(state), context, children: {}, historyValue: {}, tags: [] };
    let migrated: unknown;
    try {
      migrated = migrate(structuredClone(stored), previous.version);
    } catch (error) {
      findings.push({ state, field: 'migrate', message: `${from} throws for a conversation stored here: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (migrated === undefined) continue;
    const { reason } = restorableSnapshot(definition, { machineId: definition.id, version: definition.version, snapshot: migrated });
    if (reason !== undefined) {
      findings.push({
        state,
        field: 'migrate',
        message: `${from} leaves a conversation stored here unrestorable (${reason}): move it to a state of v${definition.version}, or return undefined to restart it`,
      });
      continue;
    }
    const after = ((migrated as { context?: unknown }).context ?? {}) as Record<string, unknown>;
    for (const [field, value] of Object.entries(context)) {
      if (value !== undefined && !(field in current.context) && !carried(value, after, current)) dropped.add(field);
    }
  }
  return [
    ...findings,
    ...[...dropped].map((field) => ({
      state: '(context)',
      field: `context.${field}`,
      message: `${from} drops this field and v${definition.version} no longer has it: its value is lost. Carry it over in migrate (under its new name)`,
    })),
  ];
}
