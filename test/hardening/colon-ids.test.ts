import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The value of a counter in the Prometheus text, 0 when absent. */
async function metric(t: TestServer, series: string): Promise<number> {
  const text = await (await fetch(`${t.server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

// Issue 10, row 9: ids were joined with `:` into the conversation key, so (`PN1:555`, `777`) and (`PN1`,
// `555:777`) shared one conversation (one user greeted with another's name); a phone_number_id of `..` sent
// outside the versioned Graph path. Ids of a shape Meta never sends are now refused at the edge, and the key
// escapes its parts all the same.
describe('ids containing ":" or ".."', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'redis' });
  });
  afterAll(async () => t.close());

  it('never let one user land in another one\'s conversation', async () => {
    const unknownBefore = await metric(t, 'wa_webhook_unknown_shapes_total');
    expect((await t.post(webhookBody(textMessage({ phoneNumberId: 'PN1:555', from: '777', name: 'Awa', body: 'bonjour' })))).status).toBe(200);
    expect((await t.post(webhookBody(textMessage({ phoneNumberId: 'PN1', from: '555:777', name: 'Moussa', body: 'bonjour' })))).status).toBe(200);
    // A normal user afterwards: once they are answered, anything the two above caused would have been sent too.
    expect((await t.post(webhookBody(textMessage({ phoneNumberId: 'PN1', from: '221770009001', body: 'bonjour' })))).status).toBe(200);
    await eventually(() => textsOf(t.graph.requests, '221770009001').length > 0, 5000);
    expect(textsOf(t.graph.requests, '555:777').filter((text) => text.includes('Awa'))).toEqual([]);
    expect(textsOf(t.graph.requests, '777')).toEqual([]);
    expect((await metric(t, 'wa_webhook_unknown_shapes_total')) - unknownBefore).toBe(2);
  });

  it('never sends to a path outside {WHATSAPP_API_URL}/{phone_number_id}/messages', async () => {
    const from = '221770009002';
    expect((await t.post(webhookBody(textMessage({ phoneNumberId: '..', from, body: 'bonjour' })))).status).toBe(200);
    expect((await t.post(webhookBody(textMessage({ phoneNumberId: 'PN1', from, body: 'bonjour' })))).status).toBe(200);
    await eventually(() => textsOf(t.graph.requests, from).length > 0, 5000);
    expect(t.graph.requests.filter((request) => request.body.to === from).map((request) => request.phoneNumberId)).toEqual(['PN1']);
    expect(await metric(t, 'wa_outbound_sends_total{result="dead_letter",code="100"}')).toBe(0);
  });
});
