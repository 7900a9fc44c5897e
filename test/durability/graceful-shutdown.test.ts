import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { answerOf, deliver, exactlyOnceInOrder, makeUsers, newStats, received, settled } from './conversations.js';
import { serverErrors, startStand, type Stand } from './stand.js';

/** How long the CSS API still takes to answer once SIGTERM has come: A must wait for these turns. */
const CSS_DELAY_AFTER_SIGTERM_MS = 1500;

// A redeploy: SIGTERM to a process that is in the middle of turns. It stops taking webhooks, finishes (or hands
// back) what it holds, closes Redis and exits 0 within 10 s; another process carries on.
describe('graceful shutdown on SIGTERM', () => {
  let stand: Stand;
  let sigterm: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (sigterm = resolve));
  beforeAll(async () => {
    // CSS answers are held until SIGTERM was sent, then come a little later: the turns are in A's hands throughout.
    stand = await startStand({
      css: (question) => sent.then(() => ({ delayMs: CSS_DELAY_AFTER_SIGTERM_MS, answer: answerOf(question) })),
    });
  }, 10_000);
  afterAll(async () => stand?.close(), 10_000);

  it('exits 0 within 10 s with its turns answered, and nothing is lost or doubled', async () => {
    const users = makeUsers(6, 2);
    const stats = newStats();
    // Only A runs while the first messages arrive, so every one of those turns is in A's hands.
    const a = await stand.spawn();
    await Promise.all(users.map((user) => deliver(user.messages[0]?.body ?? { object: '', entry: [] }, () => a.url, stats)));
    await eventually(() => stand.css.questions.length === users.length, 5_000);
    const b: SpawnedServer = await stand.spawn();
    expect(stand.graph.requests.filter((request) => request.body.type === 'text')).toEqual([]); // still in hand

    const stopping = Date.now();
    const exit = a.kill('SIGTERM');
    sigterm();
    // Meanwhile users go on typing; Meta's redelivery of anything A no longer takes reaches B.
    await Promise.all(users.map((user) => deliver(user.messages[1]?.body ?? { object: '', entry: [] }, (n) => (n === 0 ? a : b).url, stats)));
    const code = await exit;
    const took = Date.now() - stopping;
    await settled(stand, users, 20_000);
    console.log(`graceful shutdown: exit code ${code} after ${took} ms; ${stats.unreachable + stats.refused} POST(s) redelivered to B`);

    expect(code).toBe(0);
    expect(took).toBeLessThan(10_000);
    expect(a.logs.some((line) => line.includes('"msg":"shutting down"'))).toBe(true);
    expect(users.map((user) => received(stand.graph.requests, user))).toEqual(users.map(exactlyOnceInOrder));
    expect(stand.css.questions).toHaveLength(2 * users.length); // no turn was run twice
    expect([a, b].flatMap(serverErrors)).toEqual([]);
  }, 40_000);
});
