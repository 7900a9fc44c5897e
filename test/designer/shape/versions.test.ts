import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { assign, emit, setup } from 'xstate';
import { runCheckCommand } from '../../../src/designer/check/index.js';
import { currentShape, readShapes, writeShape, writeShapes } from '../../../src/designer/shape/index.js';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import { text } from '../check/broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent, context: {} as Record<string, string | undefined> };

/** An appointment form: asks a date in `asking`, remembers it in `field`, confirms in `confirming`. */
function appointment(asking: string, field: string, version = 1, migrate?: MachineDefinition['migrate']): MachineDefinition {
  const machine = setup({
    types,
    actions: {
      rememberDate: assign(({ event }) => ({ [field]: event.type === 'user.text' ? event.text : undefined })),
      replyConfirm: emit(({ context }) => ({ type: 'reply', message: { type: 'text', text: `Rendez-vous pour le ${context[field] ?? '…'}` } }) as ReplyEvent),
      replyAsk: emit(() => ({ type: 'reply', message: { type: 'text', text: 'Quelle date ?' } }) as ReplyEvent),
    },
  }).createMachine({
    id: 'appointment',
    initial: asking,
    context: {},
    states: {
      [asking]: { entry: 'replyAsk', on: { 'user.text': { target: 'confirming', actions: 'rememberDate' } } },
      confirming: { entry: 'replyConfirm', on: { 'user.text': asking } },
    },
  });
  // Its opening question goes out with the first reply: two messages for the first user message.
  const messageCeiling = { perUserMessage: 1, exceptions: [{ name: 'question then confirmation', state: asking, max: 2 }] };
  return { id: 'appointment', version, machine, sampleEvents: [text('12 mars')], messageCeiling, ...(migrate ? { migrate } : {}) };
}

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Records v1 as shipped, then runs the check on `changed`; returns the printed lines. */
async function checkAfterShipping(shipped: MachineDefinition, changed: MachineDefinition): Promise<{ status: number; lines: string[] }> {
  root = mkdtempSync(join(tmpdir(), 'shapes-'));
  await writeShape(root, await currentShape(shipped));
  const lines: string[] = [];
  // What the machine costs in messages is not what these tests are about (see message-ceiling.test.ts).
  const status = await runCheckCommand([changed], (line) => lines.push(...line.split('\n').filter((part) => !part.startsWith('  ✉'))), { root });
  return { status, lines };
}

// A conversation stored by the shipped version must restore into the next one: the check compares them.
describe('npm run check: stored conversations across versions', () => {
  it('passes an unchanged machine whose version is recorded', async () => {
    const v1 = appointment('askingDate', 'date');
    expect(await checkAfterShipping(v1, v1)).toEqual({ status: 0, lines: ['✓ appointment v1: 2 states, 2 transitions checked'] });
  });

  it('reports a renamed state and a renamed context field without a version bump', async () => {
    const { status, lines } = await checkAfterShipping(appointment('askingDate', 'date'), appointment('askDate', 'day'));
    expect(status).toBe(1);
    expect(lines).toEqual([
      'appointment › askingDate › state: this state is gone (renamed or removed?) but the version is still 1 (recorded in ' +
        'docs/machines/appointment.v1.shape.json): a conversation stored in it cannot be restored and restarts with the restart notice. ' +
        'bump version in machines/appointment/index.ts (v2), and give a migrate that moves it to a state of the new version to keep those conversations',
      'appointment › (context) › context.date: this context field is gone (renamed or removed?) but the version is still 1 (recorded in ' +
        'docs/machines/appointment.v1.shape.json): a stored conversation keeps its value under the old name and the machine silently ' +
        'reads nothing there. bump version in machines/appointment/index.ts (v2), and give a migrate that renames the field',
      '✗ 2 problems: fix them before shipping',
    ]);
  });

  it('asks for the new version to be recorded once it is bumped', async () => {
    const { lines } = await checkAfterShipping(appointment('askingDate', 'date'), appointment('askDate', 'day', 2));
    expect(lines).toContain(
      'appointment › (root) › version: the shape of v2 is not recorded: run npm run diagram (it writes ' +
        'docs/machines/appointment.v2.shape.json) and commit it with the machine',
    );
  });

  it('tries migrate on a conversation stored in each state of the previous version', async () => {
    type Stored = { value: string; context: Record<string, unknown> };
    const renamesState = (snapshot: unknown): unknown => {
      const { value, context } = snapshot as Stored;
      return { ...(snapshot as Stored), value: value === 'askingDate' ? 'askDate' : value, context };
    };
    const renamesBoth = (snapshot: unknown): unknown => {
      const { context } = renamesState(snapshot) as Stored;
      const { date, ...rest } = context;
      return { ...(renamesState(snapshot) as Stored), context: { ...rest, day: date } };
    };
    const shipped = appointment('askingDate', 'date');
    const record = async (changed: MachineDefinition): Promise<string[]> => {
      await checkAfterShipping(shipped, changed);
      await writeShape(root, await currentShape(changed));
      const again: string[] = [];
      await runCheckCommand([changed], (line) => again.push(...line.split('\n').filter((part) => !part.startsWith('  ✉'))), { root });
      return again;
    };
    expect(await record(appointment('askDate', 'day', 2, renamesBoth))).toEqual(['✓ appointment v2: 2 states, 2 transitions checked']);
    expect(await record(appointment('askDate', 'day', 2, renamesState))).toEqual([
      'appointment › (context) › context.date: migrate from v1 drops this field and v2 no longer has it: its value is lost. ' +
        'Carry it over in migrate (under its new name)',
      '✗ 1 problem: fix them before shipping',
    ]);
    expect(await record(appointment('askDate', 'date', 2, (snapshot) => snapshot))).toEqual([
      'appointment › askingDate › migrate: migrate from v1 leaves a conversation stored here unrestorable (stored snapshot does not fit ' +
        'the machine: State \'askingDate\' does not exist on \'appointment\'): move it to a state of v2, or return undefined to restart it',
      '✗ 1 problem: fix them before shipping',
    ]);
    // Declining (undefined) restarts those conversations with the notice: allowed.
    expect(await record(appointment('askDate', 'day', 2, () => undefined))).toEqual(['✓ appointment v2: 2 states, 2 transitions checked']);
  });

  it('grows the record of a version with what it adds, and never drops what it had', async () => {
    root = mkdtempSync(join(tmpdir(), 'shapes-'));
    const shapeOf = currentShape;
    await writeShapes({ appointment: appointment('askingDate', 'date') }, root, shapeOf);
    expect(await writeShapes({ appointment: appointment('askingDate', 'date') }, root, shapeOf, { check: true })).toEqual([
      { id: 'appointment', path: 'docs/machines/appointment.v1.shape.json', status: 'unchanged' },
    ]);
    await writeShapes({ appointment: appointment('askDate', 'date') }, root, shapeOf);
    const [recorded] = await readShapes(root, 'appointment');
    expect(recorded?.states).toEqual(['askingDate', 'confirming', 'askDate']);
    expect(Object.keys(recorded?.context ?? {})).toEqual(['date']);
  });
});
