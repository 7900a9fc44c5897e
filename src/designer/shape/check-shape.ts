/**
 * Versions kept honest: today's machine compared with the recorded shape of its version (a state, a
 * context field or an actor gone without a version bump), and a `migrate` tried on a stored conversation
 * of each state of the previous version.
 */

import type { MachineDefinition } from '../../domain/machine-definition.js';
import type { Finding } from '../check/problem.js';
import { ROOT } from '../check/state-nodes.js';
import { type MachineShape, missingFrom } from './machine-shape.js';
import { findMigrationProblems } from './migration-check.js';
import { shapePath } from './shape-files.js';

const bump = (definition: MachineDefinition): string =>
  `bump version in machines/${definition.id}/index.ts (v${definition.version + 1})`;

/** What went missing from the record of the current version. */
function sameVersionProblems(definition: MachineDefinition, recorded: MachineShape, current: MachineShape): Finding[] {
  const { states, fields, actors } = missingFrom(recorded, current);
  const still = `but the version is still ${definition.version} (recorded in ${shapePath(definition.id, definition.version)})`;
  return [
    ...states.map((state) => ({
      state,
      field: 'state',
      message:
        `this state is gone (renamed or removed?) ${still}: a conversation stored in it cannot be restored and restarts with the restart ` +
        `notice. ${bump(definition)}, and give a migrate that moves it to a state of the new version to keep those conversations`,
    })),
    ...fields.map((field) => ({
      state: '(context)',
      field: `context.${field}`,
      message:
        `this context field is gone (renamed or removed?) ${still}: a stored conversation keeps its value under the old name and the ` +
        `machine silently reads nothing there. ${bump(definition)}, and give a migrate that renames the field`,
    })),
    ...actors.map((actor) => ({
      state: ROOT,
      field: `setup.actors.${actor}`,
      message:
        `this actor is gone (renamed or removed?) ${still}: a conversation stored while it ran cannot be restored. ${bump(definition)}`,
    })),
  ];
}

/**
 * Every way a conversation stored by a recorded version would be lost or fail to restore with today's
 * machine: changes without a version bump, a missing record, and a `migrate` that does not lead to a state
 * of today's machine or drops a field.
 *
 * @example
 * findShapeProblems(cssAssistant, shapeOf(cssAssistant, result.contextFields), await readShapes(root, 'css-assistant'));
 */
export function findShapeProblems(definition: MachineDefinition, current: MachineShape, records: readonly MachineShape[]): Finding[] {
  const own = records.find((record) => record.version === definition.version);
  const newer = records.filter((record) => record.version > definition.version);
  const previous = records.filter((record) => record.version < definition.version).at(-1);
  const findings: Finding[] = [];
  if (newer.length > 0) {
    findings.push({
      state: ROOT,
      field: 'version',
      message: `v${definition.version} is older than the recorded v${newer.map((r) => r.version).join(', v')}: versions only go up`,
    });
  }
  if (own) findings.push(...sameVersionProblems(definition, own, current));
  else {
    findings.push({
      state: ROOT,
      field: 'version',
      message: `the shape of v${definition.version} is not recorded: run npm run diagram (it writes ${shapePath(definition.id, definition.version)}) and commit it with the machine`,
    });
  }
  if (previous && definition.migrate) findings.push(...findMigrationProblems(definition, previous, current));
  return findings;
}
