/**
 * A record that the machines as built passed the check, so a server start (and every process a test spawns) does
 * not explore them again: a fingerprint of the compiled files the check depends on and of the machines checked,
 * written into the build after a passing check. Any change to a machine, its texts or the check itself changes the
 * fingerprint, and the next start checks again. Only a build (`dist/`) is stamped; code run from sources is not.
 */

import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MachineDefinition } from '../../domain/machine-definition.js';

/** `dist/` when this module runs from the build. */
const HERE = fileURLToPath(new URL('../../../', import.meta.url));
const BUILD = basename(HERE) === 'dist' ? HERE : undefined;
/** What the check reads: the machines, the domain, the effects and the check's own code. */
const INPUTS = ['machines', 'src/designer', 'src/domain', 'src/effects'];
const STAMP_FILE = '.machines-checked';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve(entry.name.endsWith('.js') ? [join(dir, entry.name)] : []))),
  );
  return nested.flat().sort();
}

/** Functions as their source, so two machines that differ only in an implementation differ here too. */
const withSources = (_key: string, value: unknown): unknown => (typeof value === 'function' ? String(value) : value);

/**
 * A hash of the compiled files the check depends on (under `build`) and of the machines being checked (their
 * configuration and implementations, functions by their source).
 */
export async function buildFingerprint(definitions: readonly MachineDefinition[], build: string | undefined = BUILD): Promise<string> {
  const hash = createHash('sha256');
  for (const input of build === undefined ? [] : INPUTS) {
    for (const file of await filesUnder(join(build as string, input))) hash.update(file).update(await readFile(file));
  }
  for (const { id, version, machine } of definitions) {
    hash.update(JSON.stringify([id, version, machine.config, machine.implementations], withSources));
  }
  return hash.digest('hex');
}

/** Whether the machines as built already passed the check (never, outside a build). */
export async function alreadyChecked(fingerprint: string, build: string | undefined = BUILD): Promise<boolean> {
  if (build === undefined) return false;
  return (await readFile(join(build, STAMP_FILE), 'utf8').catch(() => '')) === fingerprint;
}

/** Records a passing check (written aside then renamed: processes starting together never read half a file). */
export async function recordChecked(fingerprint: string, build: string | undefined = BUILD): Promise<void> {
  if (build === undefined) return;
  const aside = join(build, `${STAMP_FILE}.${process.pid}`);
  await writeFile(aside, fingerprint);
  await rename(aside, join(build, STAMP_FILE));
}
