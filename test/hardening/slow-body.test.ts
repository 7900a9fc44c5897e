import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { capturedLogger } from './log-lines.js';
import { allClosedWithin, destroyAll, openRaw, type RawSocket } from './raw-sockets.js';

// Issue 10, row 2: 40 unauthenticated sockets trickling a webhook body counted as deliveries waiting for their
// 200, so the worker gave way to them and fell to one lane; each could be held 300 s. Now only a delivery whose
// signature holds counts, and a body must be in within BODY_TIMEOUT_MS.
describe('40 unsigned connections trickling a webhook body', () => {
  let t: TestServer;
  let inFlight = 0;
  let mostAtOnce = 0;
  const trickling: RawSocket[] = [];
  const log = capturedLogger('info');
  beforeAll(async () => {
    t = await startTestServer({
      store: 'memory',
      logger: log.logger,
      env: { HEADERS_TIMEOUT_MS: '1000', BODY_TIMEOUT_MS: '4000', INBOUND_PER_MINUTE: '1000' },
      // A CSS API that takes 300 ms per question: how many it serves at once shows how many lanes work.
      css: async (question) => {
        inFlight += 1;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 300));
        inFlight -= 1;
        return `Réponse à ${question}`;
      },
    });
  });
  afterAll(async () => {
    destroyAll(trickling);
    await t.close();
  });

  it('neither slows the conversations down nor holds a connection past the body time', async () => {
    for (let i = 0; i < 40; i += 1) {
      trickling.push(await openRaw(t.server.url, 'POST /webhook HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{'));
    }
    const drip = setInterval(() => trickling.forEach((s) => s.isClosed() || s.socket.write(' ')), 500);
    try {
      expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200); // the server has read every socket's headers
      const users = Array.from({ length: 20 }, (_, i) => String(221770002000 + i));
      const posted = await Promise.all(users.map((from) => t.post(webhookBody(textMessage({ from, body: `Question numéro ${from} ?` })))));
      expect(posted.map((response) => response.status)).toEqual(users.map(() => 200));
      const answered = () => users.every((from) => textsOf(t.graph.requests, from).some((text) => text.startsWith('Réponse à')));
      await eventually(answered, 15_000);
      // One lane would have served the questions one by one.
      expect(mostAtOnce).toBeGreaterThanOrEqual(4);
      // Headers (1 s) plus body (4 s) is all a connection gets; 3 s more for the server's periodic check.
      expect(await allClosedWithin(trickling, 8000)).toBe(true);
      expect(trickling.every((s) => s.received().startsWith('HTTP/1.1 408'))).toBe(true);
      // A client too slow is the client's business: no error line, no stack trace per connection.
      expect(log.lines.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
    } finally {
      clearInterval(drip);
    }
  }, 40_000);
});
