import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { texts } from '../../machines/css-assistant/index.js';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { textsOnceSeen } from './replies.js';

// Issue 10, row 7: a CSS API trickling its answer a byte every 500 ms never tripped the client's timeout (which
// only notices a silent connection), so the turn's own time limit ended it: no answer and no apology. The CSS
// client now bounds the whole call, and its timeout reaches the machine, which apologises.
describe('a CSS API that trickles its answer', () => {
  let t: TestServer;
  let css: Server;
  const open = new Set<ServerResponse>();
  beforeAll(async () => {
    css = createServer((req, res) => {
      req.resume();
      open.add(res);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      res.write('{"answer":"');
      const drip = setInterval(() => res.write('a'), 500);
      res.on('close', () => {
        clearInterval(drip);
        open.delete(res);
      });
    });
    await new Promise<void>((resolve) => css.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(css.address() as AddressInfo).port}`;
    t = await startTestServer({ store: 'memory', env: { CSS_API_URL: url, CSS_API_TIMEOUT_MS: '1000' } });
  });
  afterAll(async () => {
    await t.close();
    for (const res of open) res.destroy();
    await new Promise((resolve) => css.close(resolve));
  });

  it('ends the call at CSS_API_TIMEOUT_MS and the user gets the apology', async () => {
    const from = '221770007001';
    expect((await t.post(webhookBody(textMessage({ from, body: 'Comment déclarer un salarié ?' })))).status).toBe(200);
    const apology = texts.failure.timeout.split('\n')[0] ?? '';
    const seen = await textsOnceSeen(t, from, (replies) => replies.some((text) => text.includes(apology)), 10_000);
    expect(seen[0]).toContain('Bienvenue');
  }, 20_000);
});
