/**
 * A throw-away copy of the project for the watch-mode tests: its own `machines/` (which the test edits) and
 * `dist/machines`, linked to the real `dist/src` and `node_modules`. The real `machines/` is never touched,
 * as other work reads it at the same time.
 */

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface WatchProject {
  readonly root: string;
  /** Rewrites a file of the copy's `machines/` as an editor saves it. */
  edit(file: string, change: (text: string) => string): void;
  remove(): void;
}

export function createWatchProject(): WatchProject {
  const root = mkdtempSync(join(tmpdir(), 'chat-watch-'));
  cpSync(join(REPO, 'machines'), join(root, 'machines'), { recursive: true });
  mkdirSync(join(root, 'dist'));
  cpSync(join(REPO, 'dist', 'machines'), join(root, 'dist', 'machines'), { recursive: true });
  symlinkSync(join(REPO, 'dist', 'src'), join(root, 'dist', 'src'), 'dir');
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
  return {
    root,
    edit(file, change) {
      const path = join(root, 'machines', file);
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
