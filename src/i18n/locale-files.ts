/**
 * Where a machine's message files are: `machines/<id>/locales/<locale>.ftl` in the project's source tree, the one
 * place designers and reviewers edit them. Found from the project root above the machine's module (the nearest
 * folder with a package.json), so the same code reads them from `machines/` (tests), from `dist/machines/` (the
 * server, `npm run check`) and from the copies `npm run chat -- --watch` reloads.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../domain/locale.js';

/** The project root: the nearest folder above this file holding a package.json. */
export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${from}: cannot find the machines' message files`);
    folder = parent;
  }
  return folder;
}

/** The source of each locale's file in `folder` (absent files are left out). */
export type LocaleSources = Partial<Record<Locale, string>>;

/**
 * The `.ftl` files of a folder, by locale.
 *
 * @example
 * readLocaleFolder(join(projectRoot(), 'machines/css-assistant/locales')) // { fr: '…', en: '…', wo: '…' }
 */
export function readLocaleFolder(folder: string): LocaleSources {
  const sources: LocaleSources = {};
  for (const locale of LOCALES) {
    const file = join(folder, `${locale}.ftl`);
    if (existsSync(file)) sources[locale] = readFileSync(file, 'utf8');
  }
  return sources;
}

/**
 * The message files of machine `machineId`, in the project the module at `moduleUrl` belongs to.
 *
 * @example
 * readMachineLocales('pension-status', import.meta.url).fr // the French messages
 */
export const readMachineLocales = (machineId: string, moduleUrl: string): LocaleSources =>
  readLocaleFolder(join(projectRoot(dirname(fileURLToPath(moduleUrl))), 'machines', machineId, 'locales'));
