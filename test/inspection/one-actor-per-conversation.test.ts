import { describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { startTestServer } from '../support/test-server.js';
import { startWsRelayStandIn } from '../support/ws-relay-stand-in.js';

interface Inspected {
  readonly type: string;
  readonly sessionId: string;
  readonly rootId?: string;
  readonly parentId?: string;
  readonly name?: string;
  readonly event?: { readonly type?: string };
}

// A designer watching a conversation sees one actor living across its messages, not one per message.
describe('XState inspection: one actor per conversation', () => {
  it('announces each conversation once and reports its later messages on the same actor', async () => {
    const relay = await startWsRelayStandIn();
    const t = await startTestServer({ store: 'memory', env: { INSPECT: relay.url } });
    try {
      const events = (): Inspected[] => relay.received.map((message) => JSON.parse(message) as Inspected);
      const snapshotsAfter = (type: string) => events().filter((e) => e.type === '@xstate.event' && e.event?.type === type);
      for (const [from, body] of [['221770000601', 'bonjour'], ['221770000601', 'menu'], ['221770000602', 'bonjour'], ['221770000601', 'aide']]) {
        await t.post(webhookBody(textMessage({ from: from as string, body: body as string })));
      }
      await eventually(() => snapshotsAfter('user.text').length === 4, 5000);

      const roots = events().filter((e) => e.type === '@xstate.actor' && e.parentId === undefined);
      expect(roots).toHaveLength(2);
      expect(roots.map((root) => root.name)).toEqual([expect.stringMatching(/^conv:[0-9a-f]{12}$/), expect.stringMatching(/^conv:[0-9a-f]{12}$/)]);
      const [first, second] = roots.map((root) => root.sessionId);
      expect(first).toBe(roots[0]?.name?.replace('conv:', ''));
      expect(second).not.toBe(first);
      // Every message of the first conversation went to its one actor.
      const received = snapshotsAfter('user.text').map((e) => e.sessionId);
      expect(received).toEqual([first, first, second, first]);
      expect(events().every((e) => e.rootId === undefined || e.rootId === first || e.rootId === second)).toBe(true);
    } finally {
      await t.close();
      await relay.close();
    }
  });
});
