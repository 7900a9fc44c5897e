import { describe, expect, it } from '@jest/globals';
import pLimit from 'p-limit';
import { AnswerUnavailableError } from '../../src/domain/errors.js';
import type { EffectCall, EffectOutcome } from '../../src/domain/effect-call.js';
import { EffectRunner, type RunnableEffect } from '../../src/engine/effects/effect-runner.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { EffectJournal } from '../../src/ports/effect-journal.js';
import { eventually } from '../support/eventually.js';

/** A journal that records what the runner settles (the store's side is the pipeline contract's subject). */
function recordingJournal() {
  const settled: Array<{ call: EffectCall; outcome: EffectOutcome }> = [];
  const renewed: string[][] = [];
  const journal: EffectJournal = {
    claimOverdue: async () => [],
    renew: async (ids) => void renewed.push([...ids]),
    settle: async (call, outcome) => void settled.push({ call, outcome }),
  };
  return { journal, settled, renewed };
}

const call = (n: number, effect = 'ask', startedAt = Date.now()): EffectCall => ({
  callId: `c${n}`,
  effect,
  actorId: effect,
  input: { n },
  conversation: { user: { id: `u${n}` }, phoneNumberId: 'PN' },
  startedAt,
});

function runnerWith(effects: Record<string, RunnableEffect>, maxInFlight = 100, leaseMs?: number) {
  const { journal, settled, renewed } = recordingJournal();
  const metrics = createMetrics();
  const runner = new EffectRunner({
    effects: new Map(Object.entries(effects)), journal, maxInFlight, metrics, logger: silentLogger(), ...(leaseMs ? { leaseMs } : {}),
  });
  return { runner, settled, metrics, renewed };
}

describe('EffectRunner', () => {
  it('runs calls with their input and hands their outputs to the journal', async () => {
    const { runner, settled } = runnerWith({
      ask: { limit: pLimit(10), timeoutMs: 1000, run: async (input: never) => `answer ${(input as { n: number }).n}` },
    });
    runner.start([call(1), call(2)]);
    await eventually(() => settled.length === 2);
    expect(settled.map(({ call: c, outcome }) => [c.callId, outcome])).toEqual(
      expect.arrayContaining([['c1', { ok: true, output: 'answer 1' }], ['c2', { ok: true, output: 'answer 2' }]]),
    );
  });

  it('keeps calls of one API under its cap, and queues the others instead of failing them', async () => {
    let inFlight = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const run = () =>
      new Promise<string>((resolve) => {
        most = Math.max(most, ++inFlight);
        release.push(() => {
          inFlight -= 1;
          resolve('ok');
        });
      });
    const { runner, settled, metrics } = runnerWith({ ask: { limit: pLimit(2), timeoutMs: 5000, run } });
    runner.start([1, 2, 3, 4, 5].map((n) => call(n)));
    await eventually(() => release.length === 2);
    expect((await metrics.effectsQueued.get()).values[0]?.value).toBe(3);
    while (settled.length < 5) {
      release.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(most).toBe(2);
    expect(settled.every(({ outcome }) => outcome.ok)).toBe(true);
  });

  it('caps all effects together at EFFECTS_MAX_IN_FLIGHT', async () => {
    let inFlight = 0;
    let most = 0;
    const run = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      return 'ok';
    };
    const { runner, settled } = runnerWith({ a: { limit: pLimit(10), timeoutMs: 5000, run }, b: { limit: pLimit(10), timeoutMs: 5000, run } }, 3);
    runner.start([1, 2, 3, 4, 5, 6].map((n) => call(n, n % 2 ? 'a' : 'b')));
    await eventually(() => settled.length === 6);
    expect(most).toBe(3);
  });

  it('ends a call at its deadline, even one that ignores its signal, as a timeout the machine can tell', async () => {
    // Long enough that a busy machine still starts the call before its deadline (else it fails in the queue instead).
    const { runner, settled } = runnerWith({ ask: { limit: pLimit(1), timeoutMs: 500, run: () => new Promise<string>(() => undefined) } });
    runner.start([call(1)]);
    await eventually(() => settled.length === 1);
    expect(settled[0]?.outcome).toEqual({ ok: false, error: { type: 'AnswerUnavailableError', reason: 'timeout', message: 'ask did not answer in time' } });
  });

  it('counts the queue against the deadline: a call that waited past it fails without running', async () => {
    const ran: number[] = [];
    const { runner, settled } = runnerWith({
      ask: { limit: pLimit(1), timeoutMs: 1000, run: async (input: never) => (ran.push((input as { n: number }).n), 'ok') },
    });
    runner.start([call(1, 'ask', Date.now() - 5000)]);
    await eventually(() => settled.length === 1);
    expect(ran).toEqual([]);
    expect(settled[0]?.outcome).toMatchObject({ ok: false, error: { reason: 'timeout' } });
  });

  it('passes an error on as data that keeps its type and reason, and fails calls nobody can run', async () => {
    const { runner, settled } = runnerWith({
      ask: { limit: pLimit(1), timeoutMs: 1000, run: async () => Promise.reject(new AnswerUnavailableError('http-status', 'CSS API answered HTTP 503', 503)) },
      unavailable: { limit: pLimit(1), timeoutMs: 1000 },
    });
    runner.start([call(1), call(2, 'unavailable'), call(3, 'unknown')]);
    await eventually(() => settled.length === 3);
    const byCall = Object.fromEntries(settled.map(({ call: c, outcome }) => [c.callId, outcome]));
    expect(byCall['c1']).toEqual({ ok: false, error: { type: 'AnswerUnavailableError', reason: 'http-status', message: 'CSS API answered HTTP 503', httpStatus: 503 } });
    expect(byCall['c2']).toEqual({ ok: false, error: { type: 'Error', message: 'unavailable is not available with this configuration' } });
    expect(byCall['c3']).toEqual({ ok: false, error: { type: 'Error', message: 'no effect named unknown is registered' } });
  });

  it('owns a call for its lease (15 s), renewed while the call runs, so a dead process’s calls are soon taken over', async () => {
    expect(runnerWith({}).runner.claimUntil(1000)).toBe(1000 + 15_000);
    let answer: (value: string) => void = () => undefined;
    const { runner, renewed, settled } = runnerWith(
      { ask: { limit: pLimit(1), timeoutMs: 5000, run: () => new Promise<string>((resolve) => (answer = resolve)) } },
      10,
      150,
    );
    runner.start([call(1)]);
    await eventually(() => renewed.length >= 2, 2000);
    expect(renewed.at(-1)).toEqual(['c1']);
    answer('ok');
    await eventually(() => settled.length === 1);
    const after = renewed.length;
    await runner.drain(100);
    expect(renewed.length).toBeLessThanOrEqual(after + 1); // nothing left in hand to renew
  });
});
