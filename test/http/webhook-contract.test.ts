import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signBody, statusUpdate, textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { startTestServer, TEST_SECRET, TEST_VERIFY_TOKEN, type TestServer } from '../support/test-server.js';

// Every row of the contract's HTTP table, on both stores.
describe.each(['memory', 'redis'] as const)('HTTP contract (%s store)', (store) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store });
  });
  afterAll(async () => t.close());

  const get = (path: string) => fetch(`${t.server.url}${path}`);

  it('answers the handshake with the challenge exactly when the token matches', async () => {
    const ok = await get(`/webhook?hub.mode=subscribe&hub.verify_token=${TEST_VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await get('/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
    expect((await get('/webhook?hub.mode=unsubscribe&hub.verify_token=x&hub.challenge=1')).status).toBe(403);
  });

  it('accepts a signed delivery with 200', async () => {
    const response = await t.post(webhookBody(textMessage({ body: 'Bonjour' })));
    expect(response.status).toBe(200);
  });

  it('verifies the signature on the raw escaped bytes of a French message', async () => {
    const response = await t.post(webhookBody(textMessage({ from: '221770000001', body: "J'ai mangé des pâtes / à 10h" })));
    expect(response.status).toBe(200);
  });

  it('refuses a missing, wrong or malformed signature with 401', async () => {
    const body = webhookBody(textMessage({ body: 'Bonjour' }));
    expect((await t.post(body, { signature: null })).status).toBe(401);
    expect((await t.post(body, { signature: signBody('other body', TEST_SECRET) })).status).toBe(401);
    for (const junk of ['sha256=', 'sha256=zz', 'md5=abc', 'sha256=' + 'a'.repeat(63), '']) {
      expect((await t.post(body, { signature: junk })).status).toBe(401);
    }
  });

  it('checks the signature before the JSON: unsigned garbage is 401, signed garbage is 400', async () => {
    const broken = '{"object": "whatsapp_business_account", "entry": [';
    expect((await t.post(broken, { signature: null })).status).toBe(401);
    expect((await t.post(broken)).status).toBe(400);
    expect((await t.post('')).status).toBe(400);
  });

  it('refuses a body over 4 MiB with 413 and still serves the next request', async () => {
    const huge = JSON.stringify({ object: 'whatsapp_business_account', pad: 'x'.repeat(4 * 1024 * 1024 + 10) });
    expect((await t.post(huge)).status).toBe(413);
    expect((await t.post(webhookBody(textMessage({ body: 'encore là ?' })))).status).toBe(200);
  });

  it('accepts a signed payload of an unknown shape with 200 and counts it', async () => {
    const response = await t.post(JSON.stringify({ object: 'page', entry: [{ id: '1', changes: [{ field: 'feed', value: {} }] }] }));
    expect(response.status).toBe(200);
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toMatch(/wa_webhook_unknown_shapes_total [1-9]/);
  });

  it('accepts statuses with 200 and counts them', async () => {
    const failed = statusUpdate({ status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message' }] });
    expect((await t.post(webhookBody(failed))).status).toBe(200);
    expect(await (await get('/metrics')).text()).toMatch(/wa_statuses_total\{status="failed"\} 1/);
  });

  it('serves /healthz, /readyz and Prometheus /metrics', async () => {
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('# TYPE wa_webhook_requests_total counter');
  });

  it('answers 200 before the CSS API answers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    t.css.setAnswer(async (question) => {
      await gate;
      return `Réponse lente à : ${question}`;
    });
    t.graph.reset();
    const response = await t.post(webhookBody(textMessage({ from: '221770000002', body: 'Bonjour' }), textMessage({ from: '221770000002', body: 'Question lente ?' })));
    expect(response.status).toBe(200);
    expect(t.css.questions).not.toContain('Réponse lente');
    release();
    await eventually(() => t.graph.requests.some((r) => JSON.stringify(r.body).includes('Réponse lente')));
  });
});

describe('HTTP contract without a verify token', () => {
  it('refuses every handshake', async () => {
    const t = await startTestServer({ store: 'memory', env: { WEBHOOK_VERIFY_TOKEN: '' } });
    try {
      const response = await fetch(`${t.server.url}/webhook?hub.mode=subscribe&hub.verify_token=&hub.challenge=1`);
      expect(response.status).toBe(403);
    } finally {
      await t.close();
    }
  });
});
