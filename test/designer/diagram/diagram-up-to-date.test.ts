import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { machines } from '../../../machines/index.js';
import { diagramPath, runtimeTransitionNotes, toDiagramDocument } from '../../../src/designer/diagram/index.js';
import { currentShape, writeShapes } from '../../../src/designer/shape/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The first line where two texts part, to point at what changed. */
function firstDifference(committed: string, current: string): string {
  const a = committed.split('\n');
  const b = current.split('\n');
  const index = b.findIndex((line, i) => line !== a[i]);
  const at = index === -1 ? b.length : index;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '(end)')}, machine gives ${JSON.stringify(b[at] ?? '(end)')}`;
}

// A designer who changes a machine and forgets the picture learns it here, with the command to run.
describe('committed machine diagrams', () => {
  it.each(Object.values(machines).map((definition) => [definition.id, definition] as const))('docs/machines/%s.md matches its machine', async (_id, definition) => {
    const path = diagramPath(definition);
    const committed = await readFile(`${ROOT}${path}`, 'utf8').catch(() => undefined);
    const current = toDiagramDocument(definition, await runtimeTransitionNotes(definition));
    if (committed === undefined) throw new Error(`${path} is missing: run npm run diagram`);
    if (committed !== current) {
      throw new Error(`${path} is out of date with its machine (${firstDifference(committed, current)}): run npm run diagram`);
    }
    expect(committed).toBe(current);
  });

  // The record of the shipped version grows with what the version adds (npm run check compares the machine with it).
  it('docs/machines/<id>.v<version>.shape.json records every state and context field of each machine', async () => {
    const statuses = await writeShapes(machines, ROOT, currentShape, { check: true });
    const stale = statuses.filter(({ status }) => status !== 'unchanged').map(({ path, status }) => `${path} ${status}`);
    expect({ stale, fix: 'run npm run diagram' }).toEqual({ stale: [], fix: 'run npm run diagram' });
  });
});
