/**
 * Where shapes are committed: `docs/machines/<id>.v<version>.shape.json`, one per machine and version,
 * beside the machine's diagram. `npm run diagram` writes them; `npm run check` reads them.
 */

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MachineShape } from './machine-shape.js';

/** The folder of the records, relative to the project root. */
export const SHAPES_DIR = 'docs/machines';

/** `docs/machines/css-assistant.v1.shape.json`, relative to the project root. */
export function shapePath(machine: string, version: number): string {
  return `${SHAPES_DIR}/${machine}.v${version}.shape.json`;
}

/** The file's text: stable key order and a final newline, so a record changes only when the shape does. */
export function shapeText(shape: MachineShape): string {
  return `${JSON.stringify(shape, null, 2)}\n`;
}

/**
 * Every recorded version of `machine` under `root`, oldest first.
 *
 * @example
 * await readShapes(process.cwd(), 'css-assistant'); // [{ machine: 'css-assistant', version: 1, … }]
 */
export async function readShapes(root: string, machine: string): Promise<MachineShape[]> {
  let names: string[];
  try {
    names = await readdir(join(root, SHAPES_DIR));
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${machine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.v(\\d+)\\.shape\\.json$`);
  const versions = names.flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [Number(match[1])] : [];
  });
  const shapes: MachineShape[] = [];
  for (const version of versions.sort((a, b) => a - b)) {
    shapes.push(JSON.parse(await readFile(join(root, shapePath(machine, version)), 'utf8')) as MachineShape);
  }
  return shapes;
}

/** Writes one record (creating the folder). */
export async function writeShape(root: string, shape: MachineShape): Promise<void> {
  await mkdir(join(root, SHAPES_DIR), { recursive: true });
  await writeFile(join(root, shapePath(shape.machine, shape.version)), shapeText(shape), 'utf8');
}
