import { describe, expect, it } from '@jest/globals';
import { fromPromise, setup } from 'xstate';
import { cssAssistant } from '../../machines/css-assistant/index.js';
import type { UserEvent } from '../../src/domain/conversation.js';
import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { ConversationError, runTurn } from '../../src/engine/run-turn.js';

/** The CSS assistant with an in-process answer (machine tests' way): runTurn waits for such actors. */
const withAnswer = (ask: (question: string) => Promise<string>): MachineDefinition => ({
  ...cssAssistant,
  machine: cssAssistant.machine.provide({ actors: { askQuestion: fromPromise<string, { question: string }>(({ input }) => ask(input.question)) } }),
});
const live = withAnswer(async (q) => `R ${q}`);
const text = (value: string): UserEvent => ({ type: 'user.text', text: value, at: 1_764_000_000_000 });
const bodies = (replies: Awaited<ReturnType<typeof runTurn>>['replies']) =>
  replies.map((r) => (r.type === 'text' ? r.text : r.body));

describe('runTurn', () => {
  it('starts a new conversation, waits for the CSS answer and returns a storable snapshot', async () => {
    const first = await runTurn(live, undefined, text('Quel est le taux ?'), 1000);
    expect(first.timedOut).toBe(false);
    expect(first.restartReason).toBeUndefined();
    expect(bodies(first.replies)[1]).toBe('R Quel est le taux ?');
    const stored = JSON.parse(JSON.stringify(first.conversation));
    expect(stored).toMatchObject({ machineId: 'css-assistant', version: cssAssistant.version });
    const second = await runTurn(live, stored, text('menu'), 1000);
    expect(second.restartReason).toBeUndefined();
    expect(second.state).toContain('menu');
    expect(bodies(second.replies).join()).not.toContain('Bienvenue');
  });

  it.each([
    ['a corrupt snapshot', { machineId: 'css-assistant', version: cssAssistant.version, snapshot: '{not json' }],
    ['another version', { machineId: 'css-assistant', version: 999, snapshot: {} }],
    ['a state that no longer exists', { machineId: 'css-assistant', version: cssAssistant.version, snapshot: { status: 'active', value: 'renamedState', context: {}, children: {}, historyValue: {} } }],
    ['a pending call the machine no longer has', { machineId: 'css-assistant', version: cssAssistant.version, snapshot: { status: 'active', value: 'idle', context: { startedAt: 0, lastActivityAt: 0, messageCount: 1 }, historyValue: {}, children: { ask: { snapshot: { status: 'active', input: {} }, src: 'removedActor', syncSnapshot: false } } } }],
  ])('restarts at the welcome from %s instead of crashing', async (_case, stored) => {
    const result = await runTurn(live, stored, text('bonjour'), 1000);
    expect(result.restartReason).toEqual(expect.any(String));
    expect(bodies(result.replies)[0]).toContain('Bienvenue');
  });

  it('reports a machine that throws as a ConversationError naming the state', async () => {
    const broken: MachineDefinition = {
      id: 'broken',
      version: 1,
      machine: setup({
        guards: {
          explodes: () => {
            throw new Error('guard bug');
          },
        },
      }).createMachine({ initial: 'waiting', states: { waiting: { on: { 'user.text': { guard: 'explodes', target: 'waiting' } } } } }),
    };
    await expect(runTurn(broken, undefined, text('x'), 1000)).rejects.toThrow(ConversationError);
    await expect(runTurn(broken, undefined, text('x'), 1000)).rejects.toMatchObject({ state: 'waiting' });
  });

  it('gives up waiting after the settle timeout and keeps the pending call in the snapshot', async () => {
    const slow = withAnswer(() => new Promise<string>(() => {}));
    const result = await runTurn(slow, undefined, text('Une question ?'), 50);
    expect(result.timedOut).toBe(true);
    expect(JSON.stringify(result.conversation.snapshot)).toContain('askQuestion');
  });
});
