import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { machines } from '../../../machines/index.js';
import { diagramPath, toDiagramDocument } from '../../../src/designer/diagram/index.js';

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
    const current = toDiagramDocument(definition);
    if (committed === undefined) throw new Error(`${path} is missing: run npm run diagram`);
    if (committed !== current) {
      throw new Error(`${path} is out of date with its machine (${firstDifference(committed, current)}): run npm run diagram`);
    }
    expect(committed).toBe(current);
  });
});
