import { cp, mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MachineDefinition } from '../../domain/machine-definition.js';

/** One load of `dist/machines`: its registry and the exports of each machine's folder. */
export interface LoadedMachines {
  readonly machines: Readonly<Record<string, MachineDefinition>>;
  /** `machines/<id>/index.ts` exports (texts, menu data…), for the check's text keys. */
  folder(id: string): Promise<Readonly<Record<string, unknown>> | undefined>;
}

/**
 * Loads `dist/machines` afresh in this process. Node caches a module by its URL for good, so each load copies
 * the compiled machines into `dist/.watch/<n>/machines` (new URLs, new modules) beside a link to `dist/src`:
 * the machines' imports of `../../src/…` resolve through the link to the very modules the runtime uses, so
 * error classes and helpers stay one and the same.
 *
 * @example
 * const loader = new FreshMachines(process.cwd());
 * const { machines } = await loader.load(); // after each save
 */
export class FreshMachines {
  private generation = 0;

  constructor(private readonly root: string) {}

  private get base(): string {
    return join(this.root, 'dist', '.watch');
  }

  async load(): Promise<LoadedMachines> {
    this.generation += 1;
    const previous = join(this.base, String(this.generation - 1));
    const here = join(this.base, String(this.generation));
    await mkdir(here, { recursive: true });
    await cp(join(this.root, 'dist', 'machines'), join(here, 'machines'), { recursive: true });
    await symlink(join(this.root, 'dist', 'src'), join(here, 'src'), 'dir');
    // The previous copy's modules stay cached in memory; its files are no longer needed.
    await rm(previous, { recursive: true, force: true });
    const url = (path: string): string => pathToFileURL(join(here, 'machines', path)).href;
    const registry = (await import(url('index.js'))) as { machines: Record<string, MachineDefinition> };
    return {
      machines: registry.machines,
      folder: async (id) => (await import(url(`${id}/index.js`))) as Readonly<Record<string, unknown>>,
    };
  }

  /** Removes every copy (on leaving the chat). */
  async clear(): Promise<void> {
    await rm(this.base, { recursive: true, force: true });
  }
}
