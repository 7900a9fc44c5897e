import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { textsOf } from '../support/graph-stand-in.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { answerOf, deliver, deterministicCss, exactlyOnceInOrder, makeUsers, newStats, received, settled } from './conversations.js';
import { metricSum, serverErrors, startStand, type Stand } from './stand.js';

// A burst: 50 users type 10 messages each as fast as they can; the POSTs alternate between two processes, so a
// user's consecutive messages are received by different processes. Replies must follow each user's order.
describe('a burst of 50 users × 10 messages over two processes', () => {
  let stand: Stand;
  let a: SpawnedServer;
  let b: SpawnedServer;
  beforeAll(async () => {
    // Random CSS delays make turns finish out of step, so any reordering would show.
    stand = await startStand({ css: deterministicCss(20) });
    [a, b] = await Promise.all([stand.spawn(), stand.spawn()]);
  }, 20_000);
  afterAll(async () => stand?.close(), 10_000);

  it('answers every message exactly once, each user in the order of their messages, both processes working', async () => {
    const users = makeUsers(50, 10);
    const stats = newStats();
    const started = Date.now();
    let posted = 0;
    const ackedAt = new Map<string, number>();
    await Promise.all(
      users.map(async (user) => {
        for (const { body, question } of user.messages) {
          const target = posted++ % 2 === 0 ? a : b;
          await deliver(body, () => target.url, stats);
          ackedAt.set(answerOf(question), Date.now());
        }
      }),
    );
    const acked = Date.now() - started;
    await settled(stand, users, 40_000);
    const latencies = stand.graph.requests
      .flatMap((request) => {
        const answer = textsOf([request])[0]?.split('\n')[0] ?? '';
        return ackedAt.has(answer) ? [request.receivedAt - (ackedAt.get(answer) ?? 0)] : [];
      })
      .sort((x, y) => x - y);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    console.log(`burst: 500 messages acked in ${acked} ms, all answered after ${Date.now() - started} ms; ` +
      `200 → answer p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);

    expect(stats).toEqual({ ok: 500, refused: 0, unreachable: 0 });
    expect(users.map((user) => received(stand.graph.requests, user))).toEqual(users.map(exactlyOnceInOrder));
    expect([a, b].flatMap(serverErrors)).toEqual([]);
    const questions = users.flatMap((user) => user.messages.map((m) => m.question));
    expect([...stand.css.questions].sort()).toEqual(questions.sort());
    // Both processes took turns (the work is shared, not funnelled through one of them).
    const [turnsA = 0, turnsB = 0] = await Promise.all([a, b].map((server) => metricSum(server, 'wa_turns_total')));
    console.log(`burst: turns taken by process A ${turnsA}, by process B ${turnsB}`);
    expect(turnsA).toBeGreaterThan(0);
    expect(turnsB).toBeGreaterThan(0);
    // One turn per message, and one per answer (the CSS call's outcome comes back through the user's lane).
    expect(turnsA + turnsB).toBe(1000);
  }, 60_000);
});
