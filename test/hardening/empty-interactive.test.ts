import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buttonReply, textMessage, webhookBody } from '../builders/payloads.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { textsOnceSeen } from './replies.js';

// Issue 10, row 17: an `interactive` message without its `interactive` object (Meta sends it so with error
// 131000; pywa keeps a fixture of it) was counted as an unknown shape and ignored: the user who tapped got
// nothing. It is now a message the assistant cannot read, and says so.
describe('an interactive message with no interactive body', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'memory' });
  });
  afterAll(async () => t.close());

  it('gets the user an answer instead of silence', async () => {
    const from = '221770017001';
    expect((await t.post(webhookBody(textMessage({ from, body: 'bonjour' })))).status).toBe(200);
    await eventually(() => textsOf(t.graph.requests, from).length === 1, 5000);
    const tap = buttonReply({ from, id: 'menu', title: 'Menu' });
    delete tap.message['interactive'];
    tap.message['errors'] = [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong' }];
    expect((await t.post(webhookBody(tap))).status).toBe(200);
    const texts = await textsOnceSeen(t, from, (seen) => seen.length >= 2);
    expect(texts[1]).toContain('Je ne sais pas lire ce type de message');
  });
});
