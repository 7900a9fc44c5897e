import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisDeadLetters } from '../../src/adapters/redis/redis-dead-letters.js';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { REDIS_URL, startTestServer, type TestServer } from '../support/test-server.js';

const DEAD_LETTERS = fileURLToPath(new URL('../../dist/bin/dead-letters.js', import.meta.url));

/** `npm run dead-letters -- …args` against the test's keys; resolves with the exit code and output. */
function deadLetters(t: TestServer, ...args: string[]): Promise<{ code: number; output: string }> {
  const env = { PATH: process.env.PATH ?? '', REDIS_URL, KEY_PREFIX: t.config.keyPrefix, WHATSAPP_TOKEN: 'test-token', WHATSAPP_API_URL: t.config.whatsappApiUrl };
  return new Promise((resolve) => {
    execFile(process.execPath, [DEAD_LETTERS, ...args], { env, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

// Issue 10, row 3: the Graph API accepted a send but answered after the client gave up; the send was retried (the
// same welcome accepted 4 times) and also put in the dead letters, so a replay sent a fifth copy. The Graph API has
// no idempotency key: a send that got no answer is now never retried, and its dead letter says the delivery is
// unknown, so a replay sends it only when the operator says so.
describe('a Graph API that answers after the client gave up', () => {
  let t: TestServer;
  let redis: Redis;
  beforeAll(async () => {
    t = await startTestServer({ store: 'redis', env: { WHATSAPP_API_TIMEOUT_MS: '300' }, graph: { delayMs: 700 } });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });

  it('sends the reply once, dead-letters it as "delivery unknown", and replays it only when asked', async () => {
    const from = '221770003001';
    expect((await t.post(webhookBody(textMessage({ from, body: 'bonjour' })))).status).toBe(200);
    const dead = new RedisDeadLetters(redis, t.config.keyPrefix);
    await eventually(async () => (await dead.list()).length > 0, 10_000);
    const [letter] = await dead.list();
    expect(letter?.reason).toMatch(/^delivery unknown: /);
    expect(t.graph.requests.filter((request) => request.body.to === from)).toHaveLength(1);

    const refused = await deadLetters(t, 'replay');
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/may already have reached the user.*--include-unknown/s);
    expect(t.graph.requests.filter((request) => request.body.to === from)).toHaveLength(1);
    expect(await dead.list()).toHaveLength(1); // kept for the operator

    const replayed = await deadLetters(t, 'replay', '--include-unknown');
    expect(replayed).toMatchObject({ code: 0, output: expect.stringMatching(/replayed 1/) });
    expect(t.graph.requests.filter((request) => request.body.to === from)).toHaveLength(2);
  }, 40_000);
});
