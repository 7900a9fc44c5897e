import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_PHONE_NUMBER_ID, nextWamid, textMessage, webhookBody, type JsonObject, type WebhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** A `type: "system"` delivery as pywa's fixtures (tests/data/updates/system.json) write them. */
function systemDelivery(message: JsonObject, contacts?: JsonObject[]): WebhookBody {
  const value: JsonObject = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '221338000000', phone_number_id: DEFAULT_PHONE_NUMBER_ID },
    ...(contacts ? { contacts } : {}),
    messages: [{ id: nextWamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: 'system', ...message }],
  };
  return { object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'messages', value }] }] };
}

const numberChanged = (from: string, to: string) =>
  systemDelivery({ from, system: { body: `User Awa changed from ${from} to ${to}`, wa_id: to, type: 'user_changed_number' } });
const userIdChanged = (from: string, to: string) =>
  systemDelivery({ system: { body: `User changed from ${from} to ${to}`, user_id: to, previous_user_id: from, type: 'user_changed_user_id' } });
const identityChanged = (from: string) =>
  systemDelivery(
    { from, identity: { acknowledged: true, created_timestamp: '1697044706', hash: 'xyzxyz' }, system: { body: 'User identity changed', type: 'customer_identity_changed' } },
    [{ profile: { name: 'Awa' }, wa_id: from }],
  );

// Issue 10, row 16: system messages were answered as if the user wrote (two replies though the user wrote nothing),
// and the conversation stayed on the old number. Now they are never answered, and a number or user id change
// moves the conversation to the new one.
describe.each(['memory', 'redis'] as const)('system messages (%s store)', (store) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store });
  });
  afterAll(async () => t.close());

  /**
   * Delivers `body` as Meta does: again after a 503, which the move answers while the old conversation is still in
   * a turn (here: the worker releasing it right after the welcome went out).
   */
  async function deliver(body: WebhookBody): Promise<void> {
    await eventually(async () => (await t.post(body)).status === 200, 5000, 50);
  }

  /** Delivers `body`, then `aide` from `marker`; resolves once its help arrived (the lane has passed everything before). */
  async function postThenSettle(body: WebhookBody, marker: string): Promise<void> {
    await deliver(body);
    const before = textsOf(t.graph.requests, marker).length;
    expect((await t.post(webhookBody(textMessage({ from: marker, body: 'aide' })))).status).toBe(200);
    await eventually(() => textsOf(t.graph.requests, marker).length > before, 5000);
  }

  it('moves a conversation to the new number, answering nothing', async () => {
    const [oldNumber, newNumber] = store === 'memory' ? ['221770016001', '221770016002'] : ['221770016011', '221770016012'];
    expect((await t.post(webhookBody(textMessage({ from: oldNumber, body: 'bonjour' })))).status).toBe(200);
    await eventually(() => textsOf(t.graph.requests, oldNumber).length === 1, 5000);
    await postThenSettle(identityChanged(oldNumber), oldNumber); // the old number's `aide`: its help, nothing else
    await postThenSettle(numberChanged(oldNumber, newNumber), newNumber);
    const onNew = textsOf(t.graph.requests, newNumber);
    expect(onNew).toHaveLength(1); // the help, as to someone already in a conversation: no welcome
    expect(onNew[0]).toContain('Comment utiliser');
    expect(textsOf(t.graph.requests, oldNumber)).toHaveLength(2); // welcome, help
    // Whoever writes from the old number now starts afresh: the conversation is not theirs.
    expect((await t.post(webhookBody(textMessage({ from: oldNumber, body: 'bonjour', name: 'Moussa' })))).status).toBe(200);
    const again = await eventually(() => textsOf(t.graph.requests, oldNumber)[2], 5000);
    expect(again).toMatch(/^Bienvenue Moussa/);
  });

  it('moves a conversation to the new business-scoped user id, answering nothing', async () => {
    const [oldId, newId] = store === 'memory' ? ['SN.OLD16', 'SN.NEW16'] : ['SN.OLD26', 'SN.NEW26'];
    const phone = store === 'memory' ? '221770016101' : '221770016111';
    expect((await t.post(webhookBody(textMessage({ from: phone, fromUserId: oldId, body: 'bonjour' })))).status).toBe(200);
    await eventually(() => textsOf(t.graph.requests, phone).length === 1, 5000);
    await deliver(userIdChanged(oldId, newId));
    expect((await t.post(webhookBody(textMessage({ from: phone, fromUserId: newId, body: 'aide' })))).status).toBe(200);
    await eventually(() => textsOf(t.graph.requests, phone).length >= 2, 5000);
    const texts = textsOf(t.graph.requests, phone);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('Comment utiliser'); // carried on, not welcomed again
  });
});
