import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { textsOnceSeen } from './replies.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Issue 10, row 13: a profile name of 39 letters and an emoji was cut at 40 UTF-16 units, between the two halves
// of the emoji, and the lone surrogate went to the Graph API. Names are now cut on whole characters.
describe('a profile name of 39 letters and an emoji', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'memory' });
  });
  afterAll(async () => t.close());

  it.each([
    ['39 letters and an emoji', `${'A'.repeat(39)}😀`, 'A'.repeat(39)],
    ['a family emoji astride the cut', `${'B'.repeat(35)}👨‍👩‍👧`, 'B'.repeat(35)],
    ['a name with a line break and a bidi override', 'Awa\u202E\nDiop', 'Awa Diop'],
  ])('is greeted with whole characters only: %s', async (_label, name, shown) => {
    const from = String(221770013000 + name.length);
    expect((await t.post(webhookBody(textMessage({ from, name, body: 'bonjour' })))).status).toBe(200);
    const [welcome] = await textsOnceSeen(t, from, (seen) => seen.length > 0);
    expect(welcome).toMatch(new RegExp(`^Bienvenue ${shown} !`));
    expect(LONE_SURROGATE.test(welcome ?? '')).toBe(false);
  });
});
