/**
 * `npm run diagram` records the shape of each machine's current version: the record is created for a new
 * version and grows with what the version adds; it never loses anything, so removing a state or a field
 * needs a new version (the check says so).
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import { type MachineShape, mergeShapes } from './machine-shape.js';
import { shapePath, shapeText, writeShape } from './shape-files.js';

/** What happened to one machine's record; `outdated` (or `missing`) only in check mode. */
export interface ShapeStatus {
  readonly id: string;
  readonly path: string;
  readonly status: 'written' | 'unchanged' | 'outdated' | 'missing';
}

async function readIfAny(file: string): Promise<MachineShape | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as MachineShape;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes (or, with `check`, only compares) the record of each machine's current version under `root`.
 * `shapeOfMachine` gives today's shape (it explores the machine).
 *
 * @example
 * await writeShapes(machines, process.cwd(), async (definition) => shapeOf(definition, await exploredFields(definition)));
 */
export async function writeShapes(
  machines: Readonly<Record<string, MachineDefinition>>,
  root: string,
  shapeOfMachine: (definition: MachineDefinition) => Promise<MachineShape>,
  options: { readonly check?: boolean } = {},
): Promise<ShapeStatus[]> {
  const statuses: ShapeStatus[] = [];
  for (const definition of Object.values(machines)) {
    const path = shapePath(definition.id, definition.version);
    const recorded = await readIfAny(join(root, path));
    const current = await shapeOfMachine(definition);
    const wanted = recorded ? mergeShapes(recorded, current) : current;
    if (recorded && shapeText(recorded) === shapeText(wanted)) statuses.push({ id: definition.id, path, status: 'unchanged' });
    else if (options.check) statuses.push({ id: definition.id, path, status: recorded ? 'outdated' : 'missing' });
    else {
      await writeShape(root, wanted);
      statuses.push({ id: definition.id, path, status: 'written' });
    }
  }
  return statuses;
}
