import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 10, row 1: an unsigned body of deeply nested arrays was parsed as JSON before its signature was checked
// (1.64 s of CPU each). Now a body is parsed only once its signature holds: an outsider's costs one HMAC.
describe('an unsigned 3 MiB body of nested arrays with a bogus signature', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'memory' });
  });
  afterAll(async () => t.close());

  it('is refused on its signature without ever reaching JSON.parse, and signed deliveries go on', async () => {
    const depth = 1.5 * 1024 * 1024;
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    const parse = jest.spyOn(JSON, 'parse');
    try {
      for (let i = 0; i < 3; i += 1) {
        const response = await t.post(nested, { signature: `sha256=${'0'.repeat(64)}` });
        expect(response.status).toBe(401);
      }
      const bigParses = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length > 1_000_000);
      expect(bigParses).toHaveLength(0);
    } finally {
      parse.mockRestore();
    }
    const signed = await t.post(webhookBody(textMessage({ from: '221770001001', body: 'bonjour' })));
    expect(signed.status).toBe(200);
    await t.graph.waitForRequests(1);
  }, 30_000);
});
