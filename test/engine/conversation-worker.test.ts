import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { emit, setup } from 'xstate';
import { MemoryPipeline } from '../../src/adapters/memory/memory-pipeline.js';
import { createHttpClient } from '../../src/adapters/http/create-http-client.js';
import { GraphMessageSender } from '../../src/adapters/whatsapp/graph-message-sender.js';
import type { ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import type { InboundMessage } from '../../src/domain/inbound.js';
import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import { ConversationWorker } from '../../src/engine/conversation-worker.js';
import { IngestGauge } from '../../src/engine/ingest-gauge.js';
import { startTyping } from '../../src/engine/typing-indicator.js';
import { Writable } from 'node:stream';
import { createLogger, silentLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createPseudonymizer } from '../../src/observability/pseudonymize.js';
import { eventually } from '../support/eventually.js';
import { withoutEffects } from '../support/no-effects.js';
import { startGraphStandIn, textsOf, type GraphStandIn, type GraphStandInOptions } from '../support/graph-stand-in.js';

/** A tiny machine: echoes texts, and answers `broken` with a button whose title is too long for WhatsApp. */
const echo: MachineDefinition = {
  id: 'echo',
  version: 1,
  machine: setup({ types: { events: {} as UserEvent, emitted: {} as ReplyEvent } }).createMachine({
    initial: 'listening',
    states: {
      listening: {
        on: {
          'user.text': [
            {
              guard: ({ event }) => event.text === 'broken',
              target: 'listening',
              actions: emit({ type: 'reply', message: { type: 'buttons', body: 'Choisissez', buttons: [{ id: 'x', title: 'Un titre bien trop long pour WhatsApp' }] } }),
            },
            { actions: emit(({ event }) => ({ type: 'reply' as const, message: { type: 'text' as const, text: `écho: ${event.text}` } })) },
          ],
        },
      },
    },
  }),
};

const message = (user: string, wamid: string, body: string): InboundMessage => ({
  wamid, user: { id: user, phone: user }, phoneNumberId: 'PN', timestamp: 1_764_000_000, content: { type: 'text', body },
});

describe('ConversationWorker', () => {
  let graph: GraphStandIn;
  let worker: ConversationWorker;
  afterEach(async () => {
    await worker.stop();
    await graph.close();
  });

  async function start(pipeline: MemoryPipeline, respond?: GraphStandInOptions['respond'], logger = silentLogger(), extra: { ingest?: IngestGauge; graph?: GraphStandInOptions } = {}) {
    graph = await startGraphStandIn({ ...(respond ? { respond } : {}), ...extra.graph });
    const sender = new GraphMessageSender({ http: createHttpClient({ baseURL: graph.baseUrl, timeoutMs: 2000, headers: { Authorization: 'Bearer t' } }) });
    worker = new ConversationWorker({
      source: pipeline, ...withoutEffects(pipeline), concurrency: 4, machineFor: () => echo, settleTimeoutMs: 1000, sender,
      logger, metrics: createMetrics(), pseudonym: createPseudonymizer(), retryMinDelayMs: 10,
      ...(extra.ingest ? { ingest: extra.ingest } : {}),
    });
    worker.start();
  }

  it('answers each user in order and keeps users apart', async () => {
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    await start(pipeline);
    await pipeline.accept([message('a', 'a1', 'un'), message('b', 'b1', 'uno'), message('a', 'a2', 'deux')]);
    await pipeline.accept([message('a', 'a3', 'trois')]);
    await graph.waitForRequests(4);
    expect(textsOf(graph.requests, 'a')).toEqual(['écho: un', 'écho: deux', 'écho: trois']);
    expect(textsOf(graph.requests, 'b')).toEqual(['écho: uno']);
  });

  it('gives way to webhook deliveries: one conversation at a time while they pile up, all of them once they stop', async () => {
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    const ingest = new IngestGauge(8, 50);
    for (let i = 0; i < 8; i += 1) ingest.enter();
    await start(pipeline, undefined, silentLogger(), { ingest, graph: { delayMs: 150 } });
    const spanOf = (users: string[]) => {
      const times = graph.requests.filter((r) => users.includes(String(r.body.to))).map((r) => r.receivedAt);
      return Math.max(...times) - Math.min(...times);
    };
    const busyUsers = ['q1', 'q2', 'q3'];
    await pipeline.accept(busyUsers.map((user) => message(user, `${user}-1`, 'pendant')));
    // Still answered while busy, one after the other: each send waits for the previous one's 150 ms reply.
    await graph.waitForRequests(3, 5000);
    expect(spanOf(busyUsers)).toBeGreaterThanOrEqual(250);
    for (let i = 0; i < 8; i += 1) ingest.leave();
    await ingest.quiet();
    const quietUsers = ['r1', 'r2', 'r3'];
    await pipeline.accept(quietUsers.map((user) => message(user, `${user}-1`, 'après')));
    await graph.waitForRequests(6, 5000);
    expect(spanOf(quietUsers)).toBeLessThan(150);
  });

  it('refuses a message over a Cloud API limit before sending it, naming the state and the field', async () => {
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    await start(pipeline);
    await pipeline.accept([message('c', 'c1', 'broken'), message('c', 'c2', 'après')]);
    await eventually(() => textsOf(graph.requests, 'c').length === 1);
    expect(textsOf(graph.requests, 'c')).toEqual(['écho: après']);
    expect(pipeline.deadLetters).toHaveLength(1);
    expect(pipeline.deadLetters[0]?.reason).toMatch(/state "listening".*buttons\[0\]\.title/);
  });

  it('retries a send the Graph API failed with a 5xx, and the reply still arrives once', async () => {
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    let failures = 2;
    await start(pipeline, () => (failures-- > 0 ? { status: 503, body: { error: { code: 131016, message: 'Service unavailable' } } } : undefined));
    await pipeline.accept([message('d', 'd1', 'persiste')]);
    await eventually(() => graph.requests.length === 3);
    expect(graph.requests.map((r) => r.body.to)).toEqual(['d', 'd', 'd']);
    expect(pipeline.deadLetters).toHaveLength(0);
  });

  it('backs off one recipient on 429 and pair-rate errors while another is served at once, sending each reply once', async () => {
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    const refusals = [
      { status: 429, body: { error: { code: 130429, message: 'Rate limit hit' } } },
      { status: 400, body: { error: { code: 131056, message: 'Pair rate limit hit' } } },
    ];
    await start(pipeline, (request) => (request.body.to === 'slow' ? refusals.shift() : undefined));
    await pipeline.accept([message('slow', 's1', 'un'), message('fast', 'f1', 'deux')]);
    await eventually(() => textsOf(graph.requests, 'slow').length === 3);
    expect(textsOf(graph.requests, 'fast')).toEqual(['écho: deux']);
    // Two refused attempts and the one that went through; the other user did not wait for them.
    const slow = graph.requests.filter((r) => r.body.to === 'slow');
    const fast = graph.requests.find((r) => r.body.to === 'fast');
    expect(fast!.receivedAt).toBeLessThanOrEqual(slow[2]!.receivedAt);
    expect(refusals).toEqual([]);
    expect(pipeline.deadLetters).toEqual([]);
  });

  it('dead-letters sends refused for an expired token, and says so loudly once, not once per message', async () => {
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } }) });
    await start(pipeline, () => ({ status: 401, body: { error: { code: 190, message: 'Error validating access token', fbtrace_id: 'T' } } }), logger);
    await pipeline.accept([message('e', 'e1', 'un'), message('e', 'e2', 'deux'), message('f', 'f1', 'trois')]);
    await eventually(() => pipeline.deadLetters.length === 3);
    expect(graph.requests).toHaveLength(3); // never retried
    expect(lines.filter((line) => line.includes('code 190'))).toHaveLength(1);
    expect(lines.join('')).not.toContain('Bearer');
  });
});

describe('typing indicator', () => {
  const receiptsInto = (marks: boolean[]) => ({ markRead: async (_n: string, _w: string, o: { typing: boolean }) => void marks.push(o.typing) });

  it('starts once the turn has run the delay, is renewed while a slow answer is prepared, and stops with the turn', async () => {
    jest.useFakeTimers();
    try {
      const marks: boolean[] = [];
      const stop = startTyping(receiptsInto(marks), silentLogger(), message('g', 'g1', 'lent'), { delayMs: 1000, renewMs: 20_000 });
      jest.advanceTimersByTime(999);
      expect(marks).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(marks).toEqual([true]);
      jest.advanceTimersByTime(45_000);
      expect(marks).toEqual([true, true, true]);
      stop();
      jest.advanceTimersByTime(60_000);
      expect(marks).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends nothing for a turn that ends within the delay, and marks at once with no delay', async () => {
    jest.useFakeTimers();
    try {
      const quick: boolean[] = [];
      const stop = startTyping(receiptsInto(quick), silentLogger(), message('g', 'g1', 'bonjour'), { delayMs: 1000 });
      jest.advanceTimersByTime(500);
      stop();
      jest.advanceTimersByTime(60_000);
      expect(quick).toEqual([]);
      const immediate: boolean[] = [];
      startTyping(receiptsInto(immediate), silentLogger(), message('g', 'g2', 'bonjour'), { delayMs: 0 })();
      expect(immediate).toEqual([true]);
    } finally {
      jest.useRealTimers();
    }
  });
});
