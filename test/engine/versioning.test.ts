import { describe, expect, it } from '@jest/globals';
import { assign, emit, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { runTurn } from '../../src/engine/run-turn.js';

const at = 1_764_000_000_000;
const text = (value: string): UserEvent => ({ type: 'user.text', text: value, at });
/** Both versions reply through the same named action, `say`, with the text as its parameter. */
const say = (text: string) => ({ type: 'say' as const, params: { text } });
const reply = (text: string): ReplyEvent => ({ type: 'reply', message: { type: 'text', text } });

/** Version 1: welcome, then `asking`, counting messages. */
const v1: MachineDefinition = {
  id: 'form',
  version: 1,
  machine: setup({ types: { context: {} as { count: number } }, actions: { say: emit((_, params: { text: string }) => reply(params.text)) } }).createMachine({
    id: 'form',
    context: { count: 0 },
    initial: 'welcome',
    states: {
      welcome: { on: { 'user.text': { target: 'asking', actions: [assign({ count: ({ context }) => context.count + 1 }), say('Bienvenue v1')] } } },
      asking: { on: { 'user.text': { actions: [assign({ count: ({ context }) => context.count + 1 }), say('v1 asking')] } } },
    },
  }),
};

/** Version 2 renames `asking` to `questioning` and adds `name` to the context. */
const v2Machine = setup({ types: { context: {} as { count: number; name: string } }, actions: { say: emit((_, params: { text: string }) => reply(params.text)) } }).createMachine({
  id: 'form',
  context: { count: 0, name: '' },
  initial: 'welcome',
  states: {
    welcome: { on: { 'user.text': { target: 'questioning', actions: say('Bienvenue v2') } } },
    questioning: {
      on: { 'user.text': { actions: [assign({ count: ({ context }) => context.count + 1 }), emit(({ context }) => ({ type: 'reply' as const, message: { type: 'text' as const, text: `v2 questioning ${context.count} ${context.name}` } }))] } },
    },
  },
});
type V1Snapshot = { value: string; context: { count: number } };
const migrateV1 = (snapshot: unknown, from: number) => {
  if (from !== 1) return undefined;
  const old = snapshot as V1Snapshot;
  return { ...old, value: old.value === 'asking' ? 'questioning' : old.value, context: { ...old.context, name: 'migré' } };
};

describe('stored snapshots across machine versions', () => {
  async function storedByV1() {
    const first = await runTurn(v1, undefined, text('bonjour'), 500);
    return JSON.parse(JSON.stringify((await runTurn(v1, first.conversation, text('encore'), 500)).conversation));
  }

  it('migrates a v1 snapshot with the machine’s migration and resumes where the user was', async () => {
    const stored = await storedByV1();
    expect(stored).toMatchObject({ version: 1, snapshot: { value: 'asking' } });
    const v2: MachineDefinition = { id: 'form', version: 2, machine: v2Machine, migrate: migrateV1, restartNotice: 'Mis à jour' };
    const result = await runTurn(v2, stored, text('suite'), 500);
    expect(result.restartReason).toBeUndefined();
    expect(result.replies).toEqual([{ type: 'text', text: 'v2 questioning 3 migré' }]);
    expect(result.conversation.version).toBe(2);
  });

  it.each([
    ['has no migration', undefined],
    ['declines the migration', () => undefined],
    ['throws while migrating', () => { throw new Error('unknown layout'); }],
    ['migrates to a state that does not exist', (s: unknown) => ({ ...(s as V1Snapshot), value: 'gone' })],
  ])('restarts at the welcome when version 2 %s, without crashing', async (_case, migrate) => {
    const stored = await storedByV1();
    const v2: MachineDefinition = { id: 'form', version: 2, machine: v2Machine, ...(migrate ? { migrate } : {}) };
    const result = await runTurn(v2, stored, text('suite'), 500);
    expect(result.restartReason).toEqual(expect.any(String));
    expect(result.replies).toEqual([{ type: 'text', text: 'Bienvenue v2' }]);
    expect(result.state).toBe('questioning');
  });

  it('restarts when a state was renamed without bumping the version', async () => {
    const stored = await storedByV1();
    const renamedSameVersion: MachineDefinition = { id: 'form', version: 1, machine: v2Machine };
    const result = await runTurn(renamedSameVersion, stored, text('suite'), 500);
    expect(result.restartReason).toMatch(/does not fit|asking/);
    expect(result.replies).toEqual([{ type: 'text', text: 'Bienvenue v2' }]);
  });
});
