import { describe, expect, it } from '@jest/globals';
import { statusUpdate, textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer } from '../support/test-server.js';

const NUDGE = /Toujours là/;
const WINDOW_CLOSED = { status: 400, body: { error: { code: 131047, message: 'Re-engagement message', fbtrace_id: 'T' } } };

// Meta's 24-hour window: once Meta says a user is out of it, nothing more goes to them until they write again.
describe.each(['memory', 'redis'] as const)('24-hour customer service window (%s store)', (store) => {
  it('stops sending when a send is refused with 131047, and resumes when the user writes', async () => {
    const refused = new Set(['221774440001']);
    const t = await startTestServer({
      store,
      env: { MENU_NUDGE_SECONDS: '1' },
      graph: { respond: (request) => (refused.has(request.body.to ?? '') ? WINDOW_CLOSED : undefined) },
    });
    try {
      const [closed, control] = ['221774440001', '221774440002'];
      await t.post(webhookBody(textMessage({ from: closed, body: 'menu' })));
      await eventually(() => t.graph.requests.some((r) => r.body.to === closed));
      refused.clear(); // from now on Meta would accept: anything still sent to `closed` would show
      await t.post(webhookBody(textMessage({ from: control, body: 'menu' })));
      await eventually(() => textsOf(t.graph.requests, control).some((text) => NUDGE.test(text)), 6000);
      // The welcome was refused; the menu list and the nudge that followed were never attempted.
      expect(t.graph.requests.filter((r) => r.body.to === closed)).toHaveLength(1);
      await t.post(webhookBody(textMessage({ from: closed, body: 'aide' })));
      await eventually(() => t.graph.requests.filter((r) => r.body.to === closed).length === 2);
      expect(textsOf(t.graph.requests, closed)[1]).toMatch(/\[menu:/);
    } finally {
      await t.close();
    }
  });

  it('matches a failed status back to its conversation by wamid and goes quiet', async () => {
    const t = await startTestServer({ store, env: { MENU_NUDGE_SECONDS: '2' } });
    try {
      const [closed, control] = ['221774440003', '221774440004'];
      await t.post(webhookBody(textMessage({ from: closed, body: 'menu' })));
      await eventually(() => textsOf(t.graph.requests, closed).length === 2);
      const index = t.graph.requests.findIndex((r) => r.body.to === closed);
      const failed = statusUpdate({ wamid: `wamid.out.${index + 1}`, status: 'failed', recipientId: closed, errors: [{ code: 131047, title: 'Re-engagement message' }] });
      expect((await t.post(webhookBody(failed))).status).toBe(200);
      // The control user's nudge falls due after the closed one's would have: once it arrives, the other is overdue.
      await t.post(webhookBody(textMessage({ from: control, body: 'menu' })));
      await eventually(() => textsOf(t.graph.requests, control).some((text) => NUDGE.test(text)), 8000);
      expect(textsOf(t.graph.requests, closed).filter((text) => NUDGE.test(text))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
