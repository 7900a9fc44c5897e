import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { deliver, deterministicCss, exactlyOnceInOrder, makeUsers, newStats, received, settled } from './conversations.js';
import { serverErrors, startStand, type Stand } from './stand.js';

// Meta delivers at least once: each webhook comes twice (one after the other, or at the same moment to two
// processes), then once more much later. Each message must still be acted on exactly once.
describe('duplicate deliveries across two processes', () => {
  let stand: Stand;
  let a: SpawnedServer;
  let b: SpawnedServer;
  beforeAll(async () => {
    stand = await startStand({ css: deterministicCss(10) });
    [a, b] = await Promise.all([stand.spawn(), stand.spawn()]);
  }, 20_000);
  afterAll(async () => stand?.close(), 10_000);

  it('sends one reply set per message and asks the CSS API once per question', async () => {
    const users = makeUsers(8, 4);
    const stats = newStats();
    await Promise.all(
      users.map(async (user, u) => {
        for (const [m, { body }] of user.messages.entries()) {
          if ((u + m) % 2 === 0) {
            // Both copies at the same moment, one to each process.
            await Promise.all([deliver(body, () => a.url, stats), deliver(body, () => b.url, stats)]);
          } else {
            await deliver(body, () => a.url, stats);
            await deliver(body, () => b.url, stats);
          }
        }
      }),
    );
    await settled(stand, users, 15_000);

    // Meta retries for days: a third, late copy of every message changes nothing either.
    await Promise.all(users.flatMap((user) => user.messages.map(({ body }, m) => deliver(body, () => (m % 2 ? a : b).url, stats))));
    await eventually(async () => (await stand.busyKeys()).length === 0, 10_000, 50);

    expect(stats).toEqual({ ok: 3 * 8 * 4, refused: 0, unreachable: 0 });
    expect(users.map((user) => received(stand.graph.requests, user))).toEqual(users.map(exactlyOnceInOrder));
    expect([a, b].flatMap(serverErrors)).toEqual([]);
    const questions = users.flatMap((user) => user.messages.map((m) => m.question));
    expect([...stand.css.questions].sort()).toEqual(questions.sort());
  }, 40_000);
});
