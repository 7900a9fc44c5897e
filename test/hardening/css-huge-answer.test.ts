import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { textsOnceSeen } from './replies.js';

// Issue 10, row 4: a CSS API answering 4 MB of text queued 1,006 messages for one user (1.6 h of sending, the
// user's next message waiting behind them). The CSS client now cuts an answer at CSS_ANSWER_MAX_CHARS, on a
// sentence or word end, and says so politely.
describe('a CSS API answering 4 MB of text', () => {
  let t: TestServer;
  const sentence = 'La Caisse de Sécurité Sociale verse des prestations familiales aux travailleurs salariés. ';
  beforeAll(async () => {
    // 4 MB through loopback takes a loaded CI machine more than the test server's usual 2 s limit: this test is about
    // the size, not the time.
    t = await startTestServer({ store: 'memory', env: { CSS_API_TIMEOUT_MS: '20000' }, css: () => sentence.repeat(Math.ceil(4_000_000 / sentence.length)) });
  });
  afterAll(async () => t.close());

  it('gives the user at most CSS_ANSWER_MAX_CHARS of it, ending politely, then the follow-up', async () => {
    const from = '221770004001';
    expect((await t.post(webhookBody(textMessage({ from, body: 'Quelles prestations familiales ?' })))).status).toBe(200);
    // The last part carries the note, then the answer's footer and buttons.
    const texts = await textsOnceSeen(t, from, (seen) => seen.some((text) => text.includes('(Réponse abrégée.')), 25_000);
    const answer = texts.filter((text) => text.includes('Caisse de Sécurité Sociale verse'));
    expect(texts.length).toBeLessThanOrEqual(5); // the welcome, and the answer in at most 4 parts (the last one short, with the buttons)
    // CSS_ANSWER_MAX_CHARS (11,000) by default; part headings, the footer and the buttons aside.
    expect(answer.join('').length).toBeLessThanOrEqual(11_000 + 300);
    expect(answer.at(-1)).toMatch(/salariés\.…\n\n\(Réponse abrégée\. [^)]*\)/); // cut after a whole sentence
  }, 40_000);
});
