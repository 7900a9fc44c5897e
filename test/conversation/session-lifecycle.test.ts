import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { textMessage, webhookBody, DEFAULT_PHONE_NUMBER_ID } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { REDIS_URL, startTestServer, type TestServer } from '../support/test-server.js';

// Sessions on Redis: a sliding expiry, and recovery from a snapshot that cannot be used.
describe('conversation sessions on Redis', () => {
  let t: TestServer;
  let redis: Redis;
  beforeAll(async () => {
    t = await startTestServer({ store: 'redis', env: { SESSION_TTL_SECONDS: '1' } });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });
  const conversationKey = (from: string) => `${t.config.keyPrefix}{${DEFAULT_PHONE_NUMBER_ID}:${from}}:conv`;

  it('starts again at the welcome once a conversation was idle past SESSION_TTL_SECONDS', async () => {
    const from = '221775550001';
    await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
    await eventually(() => textsOf(t.graph.requests, from).length === 1);
    expect(await redis.pttl(conversationKey(from))).toBeGreaterThan(0);
    await eventually(async () => (await redis.exists(conversationKey(from))) === 0, 3000);
    await t.post(webhookBody(textMessage({ from, body: 'menu' })));
    await eventually(() => textsOf(t.graph.requests, from).length >= 2);
    expect(textsOf(t.graph.requests, from)[1]).toContain('Bienvenue');
  });

  it('restarts a conversation whose stored snapshot is corrupt, and keeps serving', async () => {
    const from = '221775550002';
    await redis.set(conversationKey(from), '{"machineId":"css-assistant","version":1,"snapshot":{"status":"active","value":{"gone":1}}}');
    await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
    await eventually(() => textsOf(t.graph.requests, from).length === 2);
    expect(textsOf(t.graph.requests, from)[0]).toContain('mis à jour');
    expect(textsOf(t.graph.requests, from)[1]).toContain('Bienvenue');
    await redis.set(conversationKey(from), 'not json at all');
    await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
    await eventually(() => textsOf(t.graph.requests, from).length === 4);
    expect(textsOf(t.graph.requests, from)[3]).toContain('Bienvenue');
    expect(await (await fetch(`${t.server.url}/metrics`)).text()).toMatch(/wa_turns_total\{machine="css-assistant",outcome="restarted"\} 2/);
  });
});
