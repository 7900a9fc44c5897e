import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { textMessage, webhookBody, DEFAULT_PHONE_NUMBER_ID } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { texts } from '../../machines/css-assistant/index.js';
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

  /** Waits until the user's session has expired (the memory of the user outlives it). */
  const expired = (from: string) => eventually(async () => (await redis.exists(conversationKey(from))) === 0, 3000);

  it('starts a new session once a conversation was idle past SESSION_TTL_SECONDS, greeting a returning user back in one line', async () => {
    const from = '221775550001';
    await t.post(webhookBody(textMessage({ from, body: 'bonjour', name: 'Awa' })));
    await eventually(() => textsOf(t.graph.requests, from).length === 1);
    expect(textsOf(t.graph.requests, from)[0]).toContain('Bienvenue');
    expect(await redis.pttl(conversationKey(from))).toBeGreaterThan(0);
    await expired(from);
    await t.post(webhookBody(textMessage({ from, body: 'bonjour', name: 'Awa' })));
    await t.quiet();
    expect(textsOf(t.graph.requests, from).slice(1)).toEqual([`${texts.welcomeBack('Awa')}\n[menu:Menu] [aide:Aide] [contact:Contact]`]);
  });

  it('answers a returning user’s first question with just its answer, its buttons attached, no welcome', async () => {
    const from = '221775550003';
    await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
    await t.quiet();
    await expired(from);
    await t.post(webhookBody(textMessage({ from, body: 'Comment déclarer un salarié ?' })));
    await t.quiet();
    const after = textsOf(t.graph.requests, from).slice(1);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^Réponse CSS à : Comment déclarer un salarié \?\n\[menu:Menu\]/);
  });

  it('forgets a user entirely with USER_MEMORY_DAYS=0: a new session is a first visit', async () => {
    const forgetful = await startTestServer({ store: 'redis', env: { SESSION_TTL_SECONDS: '1', USER_MEMORY_DAYS: '0' } });
    try {
      const from = '221775550004';
      const key = `${forgetful.config.keyPrefix}{${DEFAULT_PHONE_NUMBER_ID}:${from}}`;
      await forgetful.post(webhookBody(textMessage({ from, body: 'bonjour' })));
      await forgetful.quiet();
      expect(await redis.exists(`${key}:memo`)).toBe(0);
      await eventually(async () => (await redis.exists(`${key}:conv`)) === 0, 3000);
      await forgetful.post(webhookBody(textMessage({ from, body: 'bonjour' })));
      await forgetful.quiet();
      expect(textsOf(forgetful.graph.requests, from)[1]).toContain('Bienvenue');
    } finally {
      await forgetful.close();
    }
  });

  it('restarts a conversation whose stored snapshot is corrupt, and keeps serving', async () => {
    const from = '221775550002';
    await redis.set(conversationKey(from), '{"machineId":"css-assistant","version":1,"snapshot":{"status":"active","value":{"gone":1}}}');
    await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
    await eventually(() => textsOf(t.graph.requests, from).length === 2, 15_000);
    expect(textsOf(t.graph.requests, from)[0]).toContain('mis à jour');
    expect(textsOf(t.graph.requests, from)[1]).toContain('Bienvenue');
    await redis.set(conversationKey(from), 'not json at all');
    await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
    await eventually(() => textsOf(t.graph.requests, from).length === 4, 15_000);
    expect(textsOf(t.graph.requests, from)[3]).toContain('Bienvenue');
    expect(await (await fetch(`${t.server.url}/metrics`)).text()).toMatch(/wa_turns_total\{machine="css-assistant",outcome="restarted"\} 2/);
  });
});
