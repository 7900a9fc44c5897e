import { describe, expect, it } from '@jest/globals';
import { emit, fromPromise, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { runCheckCommand } from '../../../src/designer/check/index.js';
import { formatPathCosts, pathCosts } from '../../../src/designer/paths/path-costs.js';
import { definitionOf, say, text } from '../check/broken-machines.js';

const types = { events: {} as UserEvent, emitted: {} as ReplyEvent };

/** `bonjour` gets one message; a question gets "un instant", then the answer or an apology: two. */
const assistant = setup({
  types,
  actors: { askQuestion: fromPromise<string>(() => Promise.resolve('')) },
  guards: { isGreeting: ({ event }) => event.type === 'user.text' && event.text === 'bonjour' },
  actions: {
    replyHello: emit(() => say('Bonjour !')),
    replyWait: emit(() => say('Un instant…')),
    replyAnswer: emit(() => say('Voici la réponse.')),
    replySorry: emit(() => say('Désolé, réessayez.')),
  },
}).createMachine({
  id: 'assistant',
  initial: 'idle',
  states: {
    idle: { on: { 'user.text': [{ guard: 'isGreeting', actions: 'replyHello' }, { target: 'asking', actions: 'replyWait' }] } },
    asking: {
      tags: 'busy',
      invoke: { src: 'askQuestion', onDone: { target: 'idle', actions: 'replyAnswer' }, onError: { target: 'idle', actions: 'replySorry' } },
    },
  },
});
const definition = { ...definitionOf(assistant, [text('bonjour'), text('Quel est le taux ?')]), messageCeiling: { perUserMessage: 2 } };

describe('the messages along the paths the path tests replay', () => {
  it('counts each turn of each path, effect outcomes included', () => {
    const costs = pathCosts(definition);
    const byTitle = Object.fromEntries(costs.map((cost) => [cost.title.replace(/^#\d+ /, ''), cost.perTurn]));
    expect(byTitle).toMatchObject({
      '"bonjour" → idle': [1],
      '"Quel est le taux ?" (askQuestion done) → idle': [2],
      '"Quel est le taux ?" (askQuestion error) → idle': [2],
    });
    expect(costs.every((cost) => cost.messages === cost.perTurn.reduce((sum, n) => sum + n, 0))).toBe(true);
  });

  it('prints a summary, and every path on demand', async () => {
    const [summary, ...each] = formatPathCosts(pathCosts(definition), true);
    expect(summary).toMatch(/^✉ \d+ paths the path tests replay: 1 to \d+ messages each, \d\.\d\d per user message; costliest: #\d+ .+ \(\d+ messages in \d+ turns\)$/);
    expect(each).toContain('  #003 "bonjour" → idle: 1 message (1)');

    const lines: string[] = [];
    expect(await runCheckCommand([definition], (line) => lines.push(line), { paths: 'summary' })).toBe(0);
    expect(lines).toContain(`  ${summary}`);
  });

  it('says why when a path cannot be planned (an actor without known outcomes), without failing the check', async () => {
    const lookingUp = setup({ types, actors: { lookUp: fromPromise<string>(() => Promise.resolve('')) } }).createMachine({
      id: 'looking-up',
      initial: 'idle',
      states: { idle: { on: { 'user.text': 'busy' } }, busy: { tags: 'busy', invoke: { src: 'lookUp', onDone: 'idle', onError: 'idle' } } },
    });
    const lines: string[] = [];
    expect(await runCheckCommand([definitionOf(lookingUp, [text('dossier')])], (line) => lines.push(line), { paths: 'summary' })).toBe(0);
    expect(lines.at(-1)).toMatch(/^ {2}✉ paths not planned: .*invokes "lookUp": give its outcomes in `actors`$/);
  });
});
