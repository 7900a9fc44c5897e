import { describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup } from 'xstate';
import { alreadyChecked, buildFingerprint, recordChecked } from '../../../src/designer/check/check-stamp.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';

const machineWith = (guard: () => boolean): MachineDefinition => ({
  id: 'm',
  version: 1,
  machine: setup({ guards: { ok: guard } }).createMachine({ initial: 'a', states: { a: { on: { go: { guard: 'ok', target: 'b' } } }, b: {} } }),
});

describe('the check stamp of a build', () => {
  it('matches the same build and machines only: a changed file or a changed implementation checks again', async () => {
    const build = await mkdtemp(join(tmpdir(), 'stamp-'));
    try {
      await mkdir(join(build, 'machines'));
      await writeFile(join(build, 'machines', 'texts.js'), 'export const welcome = "Bienvenue";');
      const machines = [machineWith(() => true)];
      const first = await buildFingerprint(machines, build);
      expect(await alreadyChecked(first, build)).toBe(false);
      await recordChecked(first, build);
      expect(await alreadyChecked(await buildFingerprint(machines, build), build)).toBe(true);

      expect(await buildFingerprint([machineWith(() => false)], build)).not.toBe(first);
      await writeFile(join(build, 'machines', 'texts.js'), 'export const welcome = "Bienvenue !";');
      expect(await alreadyChecked(await buildFingerprint(machines, build), build)).toBe(false);
    } finally {
      await rm(build, { recursive: true, force: true });
    }
  });

  it('never stamps code run from its sources', async () => {
    const fingerprint = await buildFingerprint([machineWith(() => true)], undefined);
    await recordChecked(fingerprint, undefined);
    expect(await alreadyChecked(fingerprint, undefined)).toBe(false);
  });
});
