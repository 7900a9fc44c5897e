import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { emit, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { MachineCheckError, assertMachinesPass, formatProblems, runCheckCommand } from '../../../src/designer/check/index.js';
import { definitionOf, say, text } from './broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };
const sound = setup({ types, actions: { replyHello: emit(() => say('Bonjour')) } }).createMachine({
  id: 'sound',
  initial: 'idle',
  on: { 'user.text': { target: '.idle', actions: 'replyHello' } },
  states: { idle: {} },
});
const stuck = setup({ types, actions: { replyBye: emit(() => say('Au revoir')) } }).createMachine({
  id: 'stuck',
  initial: 'idle',
  states: { idle: { on: { 'user.text': 'gone' } }, gone: { entry: 'replyBye' } },
});

async function run(...machines: (typeof sound | typeof stuck)[]): Promise<{ status: number; lines: string[] }> {
  const lines: string[] = [];
  const status = await runCheckCommand(
    machines.map((machine) => definitionOf(machine, [text('bonjour')])),
    (line) => lines.push(...line.split('\n')),
  );
  return { status, lines };
}

describe('npm run check', () => {
  it('prints one ✓ line per sound machine and exits 0', async () => {
    expect(await run(sound)).toEqual({
      status: 0,
      lines: ['✓ sound v1: 1 states, 1 transitions checked', '  ✉ at most 1 message per user message (ceiling 1), e.g. idle › user.text "bonjour"'],
    });
  });

  it('prints each problem on one line and exits 1', async () => {
    const { status, lines } = await run(sound, stuck);
    expect(status).toBe(1);
    expect(lines).toEqual([
      '✓ sound v1: 1 states, 1 transitions checked',
      '  ✉ at most 1 message per user message (ceiling 1), e.g. idle › user.text "bonjour"',
      'stuck › gone › on: no way out: no transition here or in a parent state, no invoke, and the state is not final',
      '  ✉ at most 1 message per user message (ceiling 1), e.g. idle › user.text "bonjour"',
      '✗ 1 problem: fix them before shipping',
    ]);
  });

  it('names a machine without sample events, which cannot be explored', async () => {
    const lines: string[] = [];
    await runCheckCommand([{ id: 'sound', version: 2, machine: sound }], (line) => lines.push(line));
    expect(lines[0]).toBe('sound › (root) › sampleEvents: no sample events: list what a user can send, so the check can explore the machine');
  });

  it('lets the server refuse to start with the same messages', async () => {
    const broken = [definitionOf(stuck, [text('bonjour')])];
    const failure = await assertMachinesPass(broken).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MachineCheckError);
    const { problems, message } = failure as MachineCheckError;
    expect(message).toContain(formatProblems(problems));
    await expect(assertMachinesPass([definitionOf(sound, [text('bonjour')])])).resolves.toBeUndefined();
  });

  // `npm test` builds first (pretest); this runs the very command `npm run check` runs on the registered machines.
  const command = 'dist/bin/check.js';
  (existsSync(command) ? it : it.skip)('passes on the registered machines (node dist/bin/check.js)', () => {
    const result = spawnSync(process.execPath, [command], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout).toMatch(/^✓ css-assistant v\d+: \d+ states, \d+ transitions checked$/m);
    expect(result.status).toBe(0);
  });
});
