import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import { diagramPath, toDiagramDocument } from './diagram-document.js';
import { runtimeTransitionNotes } from './transition-notes.js';

/** What happened to one machine's page. */
export interface DiagramStatus {
  readonly id: string;
  /** Relative to the project root, e.g. `docs/machines/css-assistant.md`. */
  readonly path: string;
  /** `outdated` (or `missing`) only in check mode: nothing was written. */
  readonly status: 'written' | 'unchanged' | 'outdated' | 'missing';
}

async function readIfAny(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes `docs/machines/<id>.md` under `root` for every machine, leaving up-to-date pages untouched; with
 * `check`, writes nothing and reports the pages that differ from their machine (for CI).
 *
 * @example
 * const statuses = await writeDiagrams(machines, process.cwd());
 * const stale = (await writeDiagrams(machines, process.cwd(), { check: true })).filter((s) => s.status !== 'unchanged');
 */
export async function writeDiagrams(
  machines: Readonly<Record<string, MachineDefinition>>,
  root: string,
  options: { readonly check?: boolean } = {},
): Promise<DiagramStatus[]> {
  const statuses: DiagramStatus[] = [];
  for (const definition of Object.values(machines)) {
    const path = diagramPath(definition);
    const file = join(root, path);
    const wanted = toDiagramDocument(definition, await runtimeTransitionNotes(definition));
    const current = await readIfAny(file);
    if (current === wanted) {
      statuses.push({ id: definition.id, path, status: 'unchanged' });
    } else if (options.check) {
      statuses.push({ id: definition.id, path, status: current === undefined ? 'missing' : 'outdated' });
    } else {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, wanted, 'utf8');
      statuses.push({ id: definition.id, path, status: 'written' });
    }
  }
  return statuses;
}
