import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { statusUpdate, webhookBody } from '../builders/payloads.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 10, row 10: `statuses[].status` became a metric label as given, so one signed POST with 5,000 made-up
// statuses made 5,000 series (/metrics grew from 13 KB to 707 KB). Statuses Meta does not document are `other`.
describe('statuses with arbitrary strings', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'memory' });
  });
  afterAll(async () => t.close());

  it('add no metric series beyond the documented statuses and "other"', async () => {
    const made = Array.from({ length: 5000 }, (_, i) => statusUpdate({ status: `made-up-${i}` }));
    expect((await t.post(webhookBody(statusUpdate({ status: 'read' }), ...made))).status).toBe(200);
    const metrics = await (await fetch(`${t.server.url}/metrics`)).text();
    const series = metrics.split('\n').filter((line) => line.startsWith('wa_statuses_total{'));
    expect(series).toEqual(['wa_statuses_total{status="read"} 1', 'wa_statuses_total{status="other"} 5000']);
  });
});
