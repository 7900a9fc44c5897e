import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { textsOnceSeen } from './replies.js';

const now = () => Math.floor(Date.now() / 1000);

// Issue 10, row 6: a signed body replayed after the dedup window had forgotten its wamid, or carrying a year-old
// timestamp, was processed and answered again. A message older than MESSAGE_MAX_AGE_SECONDS (at most the dedup
// window, which here is one minute) is now acknowledged and dropped.
describe('a signed message replayed after the dedup window, or a year old', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'redis', env: { DEDUP_WINDOW_SECONDS: '60' } });
  });
  afterAll(async () => t.close());

  it.each([
    ['two minutes old (past the one-minute dedup window)', 120],
    ['a year old', 365 * 24 * 3600],
  ])('is acknowledged but not acted on when %s', async (_label, age) => {
    const from = String(221770006000 + age);
    expect((await t.post(webhookBody(textMessage({ from, body: 'bonjour', timestamp: now() - age })))).status).toBe(200);
    // Then the same user writes now: the welcome goes to that fresh message, and `aide` (answered in order, after
    // everything before it) closes the scene. Had the old one been acted on, the fresh greeting would get "Bonjour".
    for (const body of ['bonjour', 'aide']) expect((await t.post(webhookBody(textMessage({ from, body })))).status).toBe(200);
    const texts = await textsOnceSeen(t, from, (seen) => seen.some((text) => text.includes('Comment utiliser')));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Bienvenue');
    const metrics = await (await fetch(`${t.server.url}/metrics`)).text();
    expect(metrics).toMatch(/wa_inbound_messages_total\{type="text",delivery="stale"\} [1-9]/);
  });
});
