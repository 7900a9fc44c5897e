import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signBody, textMessage, toWire, webhookBody } from '../builders/payloads.js';
import { startTestServer, TEST_SECRET, type TestServer } from '../support/test-server.js';

// Issue 10, row 14: the HMAC was computed over the body decoded as text, so invalid UTF-8 bytes (decoded to
// U+FFFD) verified against a signature made for a body holding U+FFFD itself. Now the HMAC covers the raw bytes.
describe('a webhook body with invalid UTF-8', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'memory' });
  });
  afterAll(async () => t.close());

  const post = (body: Buffer, signature: string) =>
    fetch(`${t.server.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });

  it('does not pass with the signature of another body that differs only where the bytes are invalid', async () => {
    // A text body holding U+FFFD, sent raw (UTF-8 EF BF BD), signed as is.
    const signed = Buffer.from(toWire(webhookBody(textMessage({ from: '221770001401', body: 'bonjour' }))).replace('bonjour', 'bon\ufffdjour'), 'utf8');
    const signature = signBody(signed, TEST_SECRET);
    const forged = Buffer.from(signed.toString('latin1').replace('\u00ef\u00bf\u00bd', '\u00ff'), 'latin1');
    expect(forged.length).toBe(signed.length - 2);
    expect((await post(forged, signature)).status).toBe(401);
  });

  it('answers 400 to invalid UTF-8 signed over its own bytes: it is not what Meta sends', async () => {
    const raw = Buffer.concat([Buffer.from('{"object":"whatsapp_business_account","entry":["'), Buffer.from([0xff, 0xfe]), Buffer.from('"]}')]);
    const response = await post(raw, signBody(raw, TEST_SECRET));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/UTF-8/);
  });
});
