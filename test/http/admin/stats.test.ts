import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { InteractionStats } from '../../../src/analytics/compute-stats.js';
import type { InteractionSource } from '../../../src/analytics/interaction-store.js';
import { MemoryPipeline } from '../../../src/adapters/memory/memory-pipeline.js';
import { createApp } from '../../../src/http/create-app.js';
import { silentLogger } from '../../../src/observability/logger.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import type { ConversationCensus } from '../../../src/ports/conversation-pipeline.js';
import type { StateCount } from '../../../src/ports/conversation-pipeline.js';
import { textMessage, webhookBody } from '../../builders/payloads.js';
import { eventually } from '../../support/eventually.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const ADMIN_TOKEN = 'x'.repeat(20);
type StatsBody = InteractionStats & { generatedAt: string; conversationsPerState: StateCount[] | null };

// GET /admin/stats through the whole server: signed webhooks in, the worker records each turn, the page reads them.
describe.each(['redis', 'memory'] as const)('GET /admin/stats (%s store)', (store) => {
  let t: TestServer;
  const users = store === 'redis' ? ['221770300001', '221770300002', '221770300003'] : ['221770400001', '221770400002', '221770400003'];
  beforeAll(async () => {
    // A CSS call that takes a while, so the latency figures are visibly the CSS API's.
    t = await startTestServer({ store, env: { ADMIN_TOKEN }, css: (question) => ({ delayMs: 150, answer: `Réponse : ${question}` }) });
  });
  afterAll(async () => t.close());

  const stats = (authorization?: string) =>
    fetch(`${t.server.url}/admin/stats`, authorization === undefined ? {} : { headers: { authorization } });

  it('is refused without the admin bearer token, as /admin/flows is', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN}x`]) {
      const response = await stats(authorization);
      expect([authorization, response.status]).toEqual([authorization, 401]);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
      expect(await response.json()).toEqual({ error: expect.stringContaining('Bearer') });
    }
  });

  it('reports what the users did: per hour, CSS latency, errors, top questions, conversations per state', async () => {
    const [first = '', second = '', third = ''] = users;
    for (const [from, body] of [[first, 'Comment déclarer un salarié ?'], [second, '  comment DÉCLARER un salarié ? '], [third, 'Bonjour']] as const) {
      expect((await t.post(webhookBody(textMessage({ from, body })))).status).toBe(200);
    }
    const body = await eventually(async () => {
      const response = await stats(`Bearer ${ADMIN_TOKEN}`);
      expect(response.status).toBe(200);
      const json = (await response.json()) as StatsBody;
      // Three messages, and the two CSS answers they led to.
      if (json.sample.records < 5 || json.conversationsPerState?.[0]?.count !== 3) throw new Error(`not yet: ${JSON.stringify(json.sample)}`);
      return json;
    }, 10_000);

    expect(body.generatedAt).toEqual(expect.any(String));
    expect(body.interactionsPerHour).toHaveLength(24);
    expect(body.interactionsPerHour.at(-1)?.count).toBe(3);
    expect(body.topQuestions[0]).toEqual({ question: 'comment déclarer un salarié ?', count: 2 });
    expect(body.topQuestions).toContainEqual({ question: 'bonjour', count: 1 });
    // Two questions went to the CSS API; the greeting did not.
    expect(body.cssLatencyMs.turns).toBe(2);
    expect(body.cssLatencyMs.p50).toBeGreaterThanOrEqual(150);
    expect(body.errorsByKind).toEqual({ failed: 0, timed_out: 0, restarted: 0 });
    // Two regions: each conversation counts in where the user is and in what is with the CSS.
    expect(body.conversationsPerState).toEqual([
      { machineId: 'css-assistant', state: 'dialog.idle', count: 3, byLocale: { fr: 3 } },
      { machineId: 'css-assistant', state: 'question.ready', count: 3, byLocale: { fr: 3 } },
    ]);
    // Three users, all answered in French (their first messages were French).
    expect(body.conversationsByLocale).toEqual({ fr: 3 });
    // Users are pseudonyms in analytics; phone numbers appear nowhere.
    expect(JSON.stringify(body)).not.toMatch(/2217703|2217704/);
  });
});

describe('GET /admin/stats without ADMIN_TOKEN', () => {
  let t: TestServer;
  beforeAll(async () => (t = await startTestServer({ store: 'memory' })));
  afterAll(async () => t.close());

  it('answers 403, whatever the credentials', async () => {
    const response = await fetch(`${t.server.url}/admin/stats`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('ADMIN_TOKEN');
  });
});

describe('GET /admin/stats when a store does not answer', () => {
  const down = () => Promise.reject(new Error('ECONNREFUSED'));
  async function get(deps: { analytics?: InteractionSource; census?: ConversationCensus }) {
    const inbox = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    const app = createApp({ inbox, appSecret: undefined, verifyToken: undefined, logger: silentLogger(), metrics: createMetrics(), adminToken: ADMIN_TOKEN, ...deps });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/admin/stats`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    } finally {
      server.close();
      server.closeAllConnections();
    }
  }

  it('answers 503 when the analytics records cannot be read, or none are configured', async () => {
    expect(await get({ analytics: { recent: down } })).toEqual({ status: 503, body: { error: 'the analytics store does not answer' } });
    expect(await get({})).toEqual({ status: 503, body: { error: 'no analytics configured' } });
  });

  it('still answers with the statistics when only the census fails: conversationsPerState is null', async () => {
    const { status, body } = await get({ analytics: { recent: async () => [] }, census: { countByState: down } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ conversationsPerState: null, sample: { records: 0 }, topQuestions: [] });
  });
});
