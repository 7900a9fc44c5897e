import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { diagramPath, toDiagramDocument, writeDiagrams } from '../../../src/designer/diagram/index.js';
import { formDefinition } from './fixtures.js';

const machines = { [formDefinition.id]: formDefinition };

describe('toDiagramDocument', () => {
  it('puts the title, description, version, the Mermaid block and a legend on one page', () => {
    const page = toDiagramDocument(formDefinition);
    expect(page.startsWith('# form-demo\n\nA small form.\n\nVersion 3.')).toBe(true);
    expect(page).toContain('```mermaid\nstateDiagram-v2\n');
    expect(page).toMatch(/\n```\n\n## Legend\n/);
    expect(diagramPath(formDefinition)).toBe('docs/machines/form-demo.md');
  });
});

describe('writeDiagrams', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'diagrams-'));
  });
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('writes missing pages, then leaves up-to-date ones alone', async () => {
    expect(await writeDiagrams(machines, root)).toEqual([{ id: 'form-demo', path: 'docs/machines/form-demo.md', status: 'written' }]);
    expect(await readFile(join(root, 'docs/machines/form-demo.md'), 'utf8')).toBe(toDiagramDocument(formDefinition));
    expect((await writeDiagrams(machines, root))[0]?.status).toBe('unchanged');
  });

  it('in check mode reports missing and outdated pages without writing', async () => {
    expect((await writeDiagrams(machines, root, { check: true }))[0]?.status).toBe('missing');
    await writeDiagrams(machines, root);
    const file = join(root, 'docs/machines/form-demo.md');
    await writeFile(file, 'stale', 'utf8');
    expect((await writeDiagrams(machines, root, { check: true }))[0]?.status).toBe('outdated');
    expect(await readFile(file, 'utf8')).toBe('stale');
  });
});
