import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server.js';
import {
  deliver, deterministicCss, duplicatesOf, exactlyOnceInOrder, makeUsers, newStats, received, settled,
} from './conversations.js';
import { readyz, startStand, type Stand } from './stand.js';

// Redis itself goes away: a Redis of our own, with AOF, stopped and restarted under the servers' feet.
describe('Redis stopped and restarted (AOF on)', () => {
  let redis: RedisServerHandle;
  let stand: Stand | undefined;
  beforeAll(async () => {
    redis = await startRedisServer({ appendonly: true });
  }, 15_000);
  afterEach(async () => {
    await stand?.close();
    stand = undefined;
  }, 10_000);
  afterAll(async () => redis?.dispose(), 10_000);

  it('answers 503 while Redis is down, and after ~3 s of outage answers every accepted message once', async () => {
    const t = (stand = await startStand({ store: { REDIS_URL: redis.url }, css: deterministicCss(30) }));
    const [a, b] = await Promise.all([t.spawn(), t.spawn()]);
    const users = makeUsers(12, 5);
    const stats = newStats();
    let acked = 0;
    let outage: Promise<{ downFor: number; refusedDuring: number; midTurn: number }> | undefined;
    // Each user's last two messages are posted once Redis is down, however fast the first ones were acknowledged.
    let markStopped = () => {};
    const stopped = new Promise<void>((resolve) => (markStopped = resolve));
    const cut = async () => {
      const refusedBefore = stats.refused + stats.unreachable;
      const midTurn = (await t.busyKeys()).filter((key) => key.endsWith(':lease')).length;
      await redis.stop();
      markStopped();
      const down = Date.now();
      await eventually(async () => (await readyz(a)) === 503 && (await readyz(b)) === 503, 5_000, 50);
      // The outage itself lasts ~3 s (a scenario length, not a wait for a result); posting goes on meanwhile.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3_000 - (Date.now() - down))));
      const refusedDuring = stats.refused + stats.unreachable - refusedBefore;
      await redis.restart();
      const downFor = Date.now() - down;
      await eventually(async () => (await readyz(a)) === 200 && (await readyz(b)) === 200, 10_000, 50);
      return { downFor, refusedDuring, midTurn };
    };
    await Promise.all(
      users.map(async (user, u) => {
        for (const [m, { body }] of user.messages.entries()) {
          if (m >= 3) await stopped;
          await deliver(body, (attempt) => ((u + m + attempt) % 2 === 0 ? a : b).url, stats, 30_000);
          acked += 1;
          if (acked === 20) outage = cut();
        }
      }),
    );
    const { downFor, refusedDuring, midTurn } = await (outage ?? Promise.reject(new Error('the outage never happened')));
    await settled(t, users, 40_000);

    const duplicates = duplicatesOf(t.graph.requests, users);
    console.log(
      `Redis outage: down ${downFor} ms with ${midTurn} conversation(s) mid-turn; ${refusedDuring} POST(s) refused ` +
        `meanwhile (${stats.refused} × 503 in all); ${duplicates.total} duplicate reply(ies) ${JSON.stringify([...duplicates.byUser])}`,
    );
    expect(refusedDuring).toBeGreaterThan(0); // Meta did have to deliver again
    expect(stats.ok).toBe(12 * 5);
    // Nothing lost, each user's order kept (first occurrences)...
    expect(users.map((user) => [...new Set(received(t.graph.requests, user).answers)])).toEqual(
      users.map((user) => exactlyOnceInOrder(user).answers),
    );
    // ...and nothing twice: an outbox ack that failed during the outage is retried while the lease holds.
    expect(duplicates.total).toBe(0);
  }, 60_000);

  it('loses nothing accepted when Redis restarts while the workers have not taken the messages yet', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const users = makeUsers(6, 2);
    const [blocker, ...rest] = users.flatMap((user) => user.messages);
    if (!blocker) throw new Error('no message to block on');
    // The single worker lane is busy sending the first user's welcome until the gate opens (a slow Graph API).
    const t = (stand = await startStand({
      store: { REDIS_URL: redis.url },
      css: deterministicCss(0),
      graph: { hold: (request) => (request.body.to === users[0]?.phone ? gate : undefined) },
    }));
    const server = await t.spawn({ WORKER_CONCURRENCY: '1' });
    const stats = newStats();
    try {
      await deliver(blocker.body, () => server.url, stats);
      await eventually(() => t.graph.requests.length === 1, 5_000);
      for (const { body } of rest) await deliver(body, () => server.url, stats);
      // Accepted (200) but only in Redis: the worker's one lane is taken, no other turn has run.
      expect(stats).toEqual({ ok: 12, refused: 0, unreachable: 0 });
      // Its question went to the CSS API as soon as its turn was stored (calls do not wait for a lane).
      expect(t.css.questions).toEqual([blocker.question]);
      expect(await t.openTickets()).toBeGreaterThanOrEqual(11);

      await redis.restart(); // SIGTERM, then the same port and directory: the AOF is all that is left
      await eventually(async () => (await readyz(server)) === 200, 10_000, 50);
    } finally {
      open();
    }
    await settled(t, users, 20_000);
    expect(users.map((user) => received(t.graph.requests, user))).toEqual(users.map(exactlyOnceInOrder));
  }, 40_000);
});
