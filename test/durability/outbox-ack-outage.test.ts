import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server.js';
import { deliver, deterministicCss, exactlyOnceInOrder, makeUsers, newStats, received, settled } from './conversations.js';
import { readyz, startStand, type Stand } from './stand.js';

// The exact moment the README calls "the one window left", but caused by Redis, not by a crash of the process:
// the Graph API has accepted a reply and Redis goes down before the outbox ack reaches it. The process is alive,
// still holds the lease (10 s) and knows the reply went out; Redis is back within a second or two. The reply
// must not be sent again. (A crash of the process in that window may duplicate; a Redis outage need not.)
describe('a reply accepted by the Graph API just before Redis goes down', () => {
  let redis: RedisServerHandle;
  let stand: Stand | undefined;
  beforeAll(async () => {
    redis = await startRedisServer({ appendonly: true });
  }, 15_000);
  afterAll(async () => {
    await stand?.close();
    await redis?.dispose();
  }, 15_000);

  it('is not sent a second time once Redis is back', async () => {
    const [user] = makeUsers(1, 2);
    if (!user) throw new Error('no user');
    let hooked = false;
    let frozen: () => void = () => undefined;
    const redisFrozen = new Promise<void>((resolve) => (frozen = resolve));
    const t = (stand = await startStand({
      store: { REDIS_URL: redis.url },
      css: deterministicCss(0),
      graph: {
        // On the user's very first reply: freeze Redis before the stand-in answers 200, so the ack that the
        // process sends next can no longer be applied.
        respond: (request) => {
          if (!hooked && request.body.to === user.phone) {
            hooked = true;
            redis.signal('SIGSTOP');
            frozen();
          }
          return undefined;
        },
      },
    }));
    const server = await t.spawn();
    const stats = newStats();
    await deliver(user.messages[0]?.body ?? { object: '', entry: [] }, () => server.url, stats);
    await redisFrozen;
    await redis.kill(); // the frozen Redis dies: the ack can no longer be applied
    await eventually(async () => (await readyz(server)) === 503, 5_000, 50);
    // Redis stays down ~3 s (a scenario length, as in redis-outage.test.ts), far less than the 10 s lease.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await redis.restart(); // AOF: everything acknowledged before the freeze is back, lease included
    await eventually(async () => (await readyz(server)) === 200, 10_000, 50);
    await deliver(user.messages[1]?.body ?? { object: '', entry: [] }, () => server.url, stats);

    await settled(t, [user], 30_000);
    // Fails today: the welcome arrives twice. `sendOutbox` lets the failed `settleOutbox` abort the turn instead
    // of retrying the ack while the lease is still ours, so the next holder re-sends the head of the outbox.
    expect(received(t.graph.requests, user)).toEqual(exactlyOnceInOrder(user));
  }, 45_000);
});
