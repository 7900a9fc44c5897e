import { describe, expect, it } from '@jest/globals';
import { emit, fromPromise, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import { MachineCheckError, assertMachinesPass, runCheckCommand, runMachineCheck } from '../../../src/designer/check/index.js';
import { definitionOf, say, text } from './broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };

/** Answers every text with a text, then a separate "another question?" message: two messages for one user message. */
const chatty = setup({
  types,
  actions: { replyAnswer: emit(() => say('Voici la réponse.')), offerMore: emit(() => say('Une autre question ? Écrivez-la.')) },
}).createMachine({
  id: 'chatty',
  initial: 'idle',
  states: { idle: { on: { 'user.text': { target: 'idle', actions: ['replyAnswer', 'offerMore'] } } } },
});

/** Says "one moment" when asked, then answers when the effect is done: two messages for one user message. */
const waiting = setup({
  types,
  actors: { askQuestion: fromPromise<string>(() => Promise.resolve('')) },
  actions: { replyWait: emit(() => say('Un instant…')), replyAnswer: emit(() => say('Voici la réponse.')) },
}).createMachine({
  id: 'waiting',
  initial: 'idle',
  states: {
    idle: { on: { 'user.text': 'asking' } },
    asking: {
      tags: 'busy',
      entry: 'replyWait',
      invoke: { src: 'askQuestion', onDone: { target: 'idle', actions: 'replyAnswer' }, onError: { target: 'idle', actions: 'replyAnswer' } },
    },
  },
});

/** One message per user message, and a reminder after a minute that no user asked for. */
const reminding = setup({
  types,
  delays: { reminder: 60_000 },
  actions: { replyMenu: emit(() => say('Écrivez votre question.')), replyReminder: emit(() => say('Toujours là ?')) },
}).createMachine({
  id: 'reminding',
  initial: 'idle',
  states: { idle: { on: { 'user.text': 'menu' } }, menu: { entry: 'replyMenu', after: { reminder: { target: 'idle', actions: 'replyReminder' } }, on: { 'user.text': 'menu' } } },
});

const definition = (machine: typeof chatty, extra: Partial<MachineDefinition> = {}): MachineDefinition => ({
  ...definitionOf(machine, [text('Quel est le taux ?')]),
  ...extra,
});

async function check(...definitions: MachineDefinition[]): Promise<{ status: number; lines: string[] }> {
  const lines: string[] = [];
  const status = await runCheckCommand(definitions, (line) => lines.push(...line.split('\n')));
  return { status, lines };
}

describe('the message ceiling (npm run check)', () => {
  it('fails on a machine that sends two messages for one user message, naming machine, state, event and count', async () => {
    const { status, lines } = await check(definition(chatty));
    expect(status).toBe(1);
    expect(lines[0]).toBe(
      'chatty › idle › on["user.text"]: user.text "Quel est le taux ?" costs 2 messages, the ceiling is 1 per user message: ' +
        "send fewer messages (buttons ride on the answer), or name an exception in the machine definition's messageCeiling",
    );
    expect(lines.at(-1)).toBe('✗ 1 problem: fix them before shipping');
  });

  it('lets the server refuse to start on it, with the same message', async () => {
    const failure = await assertMachinesPass([definition(chatty)]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MachineCheckError);
    expect((failure as MachineCheckError).message).toContain('chatty › idle › on["user.text"]: user.text "Quel est le taux ?" costs 2 messages');
  });

  it('passes when the designer names an exception, and prints it with its count', async () => {
    const allowed = definition(chatty, { messageCeiling: { perUserMessage: 1, exceptions: [{ name: 'answer then menu', state: 'idle', max: 2 }] } });
    expect(await check(allowed)).toEqual({
      status: 0,
      lines: ['✓ chatty v1: 1 states, 1 transitions checked', '  ✉ exception "answer then menu": 2 messages at idle › user.text "Quel est le taux ?"'],
    });
  });

  it('passes under a higher ceiling, and fails an exception that allows less than is sent', async () => {
    expect((await check(definition(chatty, { messageCeiling: { perUserMessage: 2 } }))).status).toBe(0);
    const tight = definition(chatty, { messageCeiling: { perUserMessage: 2, exceptions: [{ name: 'short', state: 'idle', event: 'user.text', max: 1 }] } });
    const { lines } = await check(tight);
    expect(lines[0]).toContain('costs 2 messages, the exception "short" allows 1');
  });

  it('counts the replies to an effect outcome with the user message that started the effect', () => {
    const result = runMachineCheck(definition(waiting as unknown as typeof chatty), { providedActors: ['askQuestion'] });
    const costs = result.costs.filter((cost) => cost.kind === 'user').map(({ state, event, messages, whileBusy }) => ({ state, event, messages, whileBusy }));
    expect(costs).toHaveLength(2);
    expect(costs).toEqual(expect.arrayContaining([
      { state: 'idle', event: 'user.text "Quel est le taux ?"', messages: 2, whileBusy: false },
      // Written while the answer is pending: it sends nothing itself.
      { state: 'asking', event: 'user.text "Quel est le taux ?"', messages: 0, whileBusy: true },
    ]));
    expect(result.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('costs 2 messages, the ceiling is 1')]);
  });

  it('leaves the answer to its asker when a timer fires while the effect is pending', () => {
    const slow = setup({
      types,
      actors: { askQuestion: fromPromise<string>(() => Promise.resolve('')) },
      delays: { patience: 5000 },
      actions: { replyWait: emit(() => say('Un instant…')), replyAnswer: emit(() => say('Voici la réponse.')), replyStill: emit(() => say('Toujours en cours…')) },
    }).createMachine({
      id: 'slow',
      initial: 'idle',
      states: {
        idle: { on: { 'user.text': 'asking' } },
        asking: {
          tags: 'busy',
          entry: 'replyWait',
          after: { patience: { actions: 'replyStill' } },
          invoke: { src: 'askQuestion', onDone: { target: 'idle', actions: 'replyAnswer' }, onError: { target: 'idle', actions: 'replyAnswer' } },
        },
      },
    });
    const result = runMachineCheck({ ...definition(slow as unknown as typeof chatty), messageCeiling: { perUserMessage: 2 } }, { providedActors: ['askQuestion'] });
    const costs = result.costs.map(({ state, kind, messages, whileBusy }) => ({ state, kind, messages, whileBusy }));
    expect(costs).toEqual(expect.arrayContaining([
      { state: 'idle', kind: 'user', messages: 2, whileBusy: false },
      { state: 'asking', kind: 'timer', messages: 1, whileBusy: true },
    ]));
    expect(costs.filter((cost) => cost.kind === 'timer')).toHaveLength(1);
    expect(result.problems).toEqual([]);
  });

  it('reports timers apart: a message nobody asked for is not a user message over its ceiling', async () => {
    const { status, lines } = await check(definition(reminding as unknown as typeof chatty));
    expect(status).toBe(0);
    expect(lines).toContain('  ✉ timers: up to 1 message nobody asked for, at menu › xstate.after.reminder.reminding.menu');
  });
});
