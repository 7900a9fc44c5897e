import { afterEach, describe, expect, it } from '@jest/globals';
import pLimit from 'p-limit';
import { assign, emit, fromPromise, setup } from 'xstate';
import { MemoryPipeline } from '../../src/adapters/memory/memory-pipeline.js';
import { createHttpClient } from '../../src/adapters/http/create-http-client.js';
import { GraphMessageSender } from '../../src/adapters/whatsapp/graph-message-sender.js';
import { deferEffects } from '../../src/compose/live-machines.js';
import type { ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import { AnswerUnavailableError } from '../../src/domain/errors.js';
import type { InboundMessage } from '../../src/domain/inbound.js';
import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { ConversationWorker } from '../../src/engine/conversation-worker.js';
import { EffectRunner } from '../../src/engine/effects/effect-runner.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { createPseudonymizer } from '../../src/observability/pseudonymize.js';
import { eventually } from '../support/eventually.js';
import { startGraphStandIn, textsOf, type GraphStandIn } from '../support/graph-stand-in.js';

const say = (text: string) => ({ type: 'reply' as const, message: { type: 'text' as const, text } });

/** A small machine: any text asks; while asking, `stop` leaves and anything else is answered at once. */
const asker: MachineDefinition = {
  id: 'asker',
  version: 1,
  machine: setup({
    types: { context: {} as { question: string }, events: {} as UserEvent, emitted: {} as ReplyEvent },
    actors: { askQuestion: fromPromise<string, { question: string }>(() => Promise.reject(new Error('not provided'))) },
  }).createMachine({
    id: 'asker',
    initial: 'idle',
    context: { question: '' },
    states: {
      idle: {
        on: { 'user.text': { target: 'asking', actions: assign({ question: ({ event }) => event.text }) } },
      },
      asking: {
        invoke: {
          id: 'askQuestion',
          src: 'askQuestion',
          input: ({ context }) => ({ question: context.question }),
          onDone: { target: 'idle', actions: emit(({ event }) => say(`answer: ${String(event.output)}`)) },
          onError: {
            target: 'idle',
            actions: emit(({ event }) => say(event.error instanceof AnswerUnavailableError ? `unavailable: ${event.error.reason}` : 'other error')),
          },
        },
        on: {
          'user.text': [
            { guard: ({ event }) => event.text === 'stop', target: 'idle', actions: emit(say('stopped')) },
            { actions: emit(({ event }) => say(`still looking, ${event.type === 'user.text' ? event.text : ''}`)) },
          ],
        },
      },
    },
  }),
};

/** Questions the effect was asked, each settled by the test. */
function controlledAnswers() {
  const calls: Array<{ question: string; resolve: (answer: string) => void; reject: (error: Error) => void }> = [];
  const run = (input: { question: string }) => new Promise<string>((resolve, reject) => calls.push({ question: input.question, resolve, reject }));
  const take = (question: string) => {
    const found = calls.find((c) => c.question === question);
    if (!found) throw new Error(`${question} was not asked; asked: ${calls.map((c) => c.question).join(', ')}`);
    return found;
  };
  return { calls, run, take };
}

let phone = 221_779_000_000;
const message = (user: string, body: string): InboundMessage => ({
  wamid: `w${++phone}`, user: { id: user, phone: user }, phoneNumberId: 'PN', timestamp: Math.floor(Date.now() / 1000), content: { type: 'text', body },
});

describe('effects in the lane', () => {
  let graph: GraphStandIn;
  let worker: ConversationWorker;
  let pipeline: MemoryPipeline;
  let metrics: Metrics;
  let answers: ReturnType<typeof controlledAnswers>;
  afterEach(async () => {
    for (const call of answers.calls) call.resolve('late');
    await worker.stop(1000);
    await graph.close();
  });

  async function start() {
    graph = await startGraphStandIn();
    pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    metrics = createMetrics();
    answers = controlledAnswers();
    const runner = new EffectRunner({
      effects: new Map([['askQuestion', { limit: pLimit(10), timeoutMs: 10_000, run: answers.run as (input: never) => Promise<unknown> }]]),
      journal: pipeline.effects,
      maxInFlight: 10,
      metrics,
      logger: silentLogger(),
    });
    const sender = new GraphMessageSender({ http: createHttpClient({ baseURL: graph.baseUrl, timeoutMs: 2000, headers: { Authorization: 'Bearer t' } }) });
    const live = deferEffects(asker);
    worker = new ConversationWorker({
      source: pipeline, inbox: pipeline, journal: pipeline.effects, runner, concurrency: 4, machineFor: () => live, settleTimeoutMs: 1000,
      sender, logger: silentLogger(), metrics, pseudonym: createPseudonymizer(),
    });
    worker.start();
  }

  const seen = (user: string) => textsOf(graph.requests, user);
  const dropped = async () => (await metrics.effectResultsDropped.get()).values.reduce((sum, v) => sum + v.value, 0);

  it('does not hold the lane: the next message is answered while the call runs, and its answer follows', async () => {
    await start();
    await pipeline.accept([message('a', 'taux ?')]);
    await eventually(() => answers.calls.length === 1);
    await pipeline.accept([message('a', 'allô ?')]);
    await eventually(() => seen('a').length === 1);
    expect(seen('a')).toEqual(['still looking, allô ?']);
    answers.take('taux ?').resolve('12 %');
    await eventually(() => seen('a').length === 2);
    expect(seen('a')).toEqual(['still looking, allô ?', 'answer: 12 %']);
    expect(answers.calls).toHaveLength(1); // restoring the pending conversation did not ask again
  });

  it('drops, and counts, an outcome for a state the user has left', async () => {
    await start();
    await pipeline.accept([message('b', 'première ?')]);
    await eventually(() => answers.calls.length === 1);
    await pipeline.accept([message('b', 'stop')]);
    await eventually(() => seen('b').length === 1);
    answers.take('première ?').resolve('trop tard');
    await eventually(async () => (await dropped()) === 1);
    expect(seen('b')).toEqual(['stopped']);
  });

  it('applies an outcome only to the invocation that asked, not to a later one of the same invoke', async () => {
    await start();
    await pipeline.accept([message('c', 'un ?')]);
    await eventually(() => answers.calls.length === 1);
    await pipeline.accept([message('c', 'stop'), message('c', 'deux ?')]);
    await eventually(() => answers.calls.length === 2);
    answers.take('un ?').resolve('réponse à un');
    await eventually(async () => (await dropped()) === 1);
    answers.take('deux ?').resolve('réponse à deux');
    await eventually(() => seen('c').length === 2);
    expect(seen('c')).toEqual(['stopped', 'answer: réponse à deux']);
  });

  it('hands an error to onError as its domain class, with its reason', async () => {
    await start();
    await pipeline.accept([message('d', 'lent ?')]);
    await eventually(() => answers.calls.length === 1);
    answers.take('lent ?').reject(new AnswerUnavailableError('timeout', 'CSS API did not answer in time'));
    await eventually(() => seen('d').length === 1);
    expect(seen('d')).toEqual(['unavailable: timeout']);
  });
});
