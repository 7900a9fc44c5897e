import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signBody, textMessage, toWire, webhookBody } from '../builders/payloads.js';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server.js';
import { startTestServer, TEST_SECRET, type TestServer } from '../support/test-server.js';

/** Posts a signed greeting; resolves with the status, or 'no answer' if none came within `ms`. */
async function postWithin(t: TestServer, from: string, ms: number): Promise<number | 'no answer'> {
  const raw = toWire(webhookBody(textMessage({ from, body: 'bonjour' })));
  try {
    const response = await fetch(`${t.server.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, TEST_SECRET) },
      body: raw,
      signal: AbortSignal.timeout(ms),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 'no answer';
  }
}

// Issue 10, row 5: with Redis stopped, only the first webhooks got their 503; later ones hung until Redis was
// back (up to 19 s) while /readyz already said 503. The store now has 2 s to take a delivery, then it is 503.
describe.each([
  ['stopped', (redis: RedisServerHandle) => redis.stop(), (redis: RedisServerHandle) => redis.restart()],
  ['frozen (SIGSTOP)', async (redis: RedisServerHandle) => redis.signal('SIGSTOP'), async (redis: RedisServerHandle) => redis.signal('SIGCONT')],
] as const)('Redis %s under the server', (_label, cut, heal) => {
  let redis: RedisServerHandle;
  let t: TestServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    t = await startTestServer({ store: 'redis', env: { REDIS_URL: redis.url } });
  }, 20_000);
  afterAll(async () => {
    await t.close();
    await redis.dispose();
  }, 20_000);

  it('answers every webhook 503 within a few seconds, and 200 again once Redis is back', async () => {
    expect(await postWithin(t, '221770005000', 5000)).toBe(200);
    await cut(redis);
    const during: Array<number | 'no answer'> = [];
    for (let i = 1; i <= 6; i += 1) during.push(await postWithin(t, String(221770005000 + i), 5000));
    expect(during).toEqual(during.map(() => 503));
    await heal(redis);
    let after: number | 'no answer' = 'no answer';
    for (let i = 0; i < 50 && after !== 200; i += 1) after = await postWithin(t, '221770005100', 5000);
    expect(after).toBe(200);
  }, 90_000);
});
