import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Calls `onChange` with the path (relative to `folder`) of each file created, changed, renamed or removed
 * anywhere under `folder`. One plain watch per directory: Node's recursive watch on Linux loses a file that an
 * editor saves by writing a new file and renaming it over the old one (`sed -i`, vim, many IDEs); a
 * directory's watch sees every such rename.
 *
 * @example
 * const stop = watchFolder('machines', (file) => console.log(file, 'changed')); // 'css-assistant/locales/fr.ftl changed'
 */
export function watchFolder(folder: string, onChange: (file: string) => void): () => void {
  const watchers = new Map<string, FSWatcher>();
  const add = (directory: string): void => {
    if (watchers.has(directory)) return;
    try {
      const watcher = watch(directory, (_event, name) => {
        if (!name) return;
        const path = join(directory, name.toString());
        // A new folder: watch it too (and whatever it holds already).
        addTree(path);
        onChange(relative(folder, path));
      });
      watchers.set(directory, watcher);
    } catch {
      // Not a directory, or gone already.
    }
  };
  const addTree = (directory: string): void => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    add(directory);
    for (const entry of entries) if (entry.isDirectory()) addTree(join(directory, entry.name));
  };
  addTree(folder);
  return () => {
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
