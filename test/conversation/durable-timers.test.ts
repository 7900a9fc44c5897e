import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { deleteKeys, startTestServer, type TestServer } from '../support/test-server.js';

const NUDGE = /Toujours là/;
const nudges = (t: TestServer, from: string) => textsOf(t.graph.requests, from).filter((text) => NUDGE.test(text));

// XState forgets `after` delays when a snapshot is restored; the runtime keeps them in the store instead.
describe('durable machine timers (the menu nudge)', () => {
  it('nudges a user idle in the menu once, and not a user who left it', async () => {
    const t = await startTestServer({ store: 'memory', env: { MENU_NUDGE_SECONDS: '1' } });
    try {
      const [leaver, idler] = ['221779990001', '221779990002'];
      await t.post(webhookBody(textMessage({ from: leaver, body: 'menu' })));
      await eventually(() => textsOf(t.graph.requests, leaver).length === 2);
      await t.post(webhookBody(textMessage({ from: leaver, body: '2' })));
      await eventually(() => textsOf(t.graph.requests, leaver).length === 3);
      await t.post(webhookBody(textMessage({ from: idler, body: 'menu' })));
      await eventually(() => nudges(t, idler).length === 1, 15_000);
      expect(nudges(t, leaver)).toEqual([]);
      await t.post(webhookBody(textMessage({ from: idler, body: 'Une question ?' })));
      await eventually(() => textsOf(t.graph.requests, idler).some((text) => text.includes('Une question ?')));
      expect(nudges(t, idler)).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('delivers a timer armed before a restart, on the process that is alive after it (Redis)', async () => {
    const KEY_PREFIX = `test:${randomUUID().slice(0, 8)}:`;
    const env = { MENU_NUDGE_SECONDS: '2', KEY_PREFIX };
    const from = '221779990003';
    const before = await startTestServer({ store: 'redis', env, keepKeys: true });
    let after: TestServer | undefined;
    try {
      await before.post(webhookBody(textMessage({ from, body: 'menu' })));
      await eventually(() => textsOf(before.graph.requests, from).length === 2);
      await before.close();
      expect(nudges(before, from)).toEqual([]);
      after = await startTestServer({ store: 'redis', env });
      await eventually(() => nudges(after!, from).length === 1, 6000);
    } finally {
      await after?.close();
      await deleteKeys(KEY_PREFIX);
    }
  });
});
