import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MessageStats } from '../../src/analytics/message-stats.js';
import { buttonReply, statusUpdate, textMessage, webhookBody, type JsonObject } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import type { GraphReply, GraphRequest } from '../support/graph-stand-in.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const ADMIN_TOKEN = 'admin-token-for-message-costs';
const RATE_XOF = 20;
const FREE: JsonObject = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
const UTILITY: JsonObject = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' };

/** A Graph stand-in answer with wamids of our own (`<tag>.<n>`), remembered in order, so statuses can name them. */
function issuing(tag: string, issued: string[]): (request: GraphRequest) => GraphReply {
  return (request) => {
    const id = `wamid.${tag}.${issued.length + 1}`;
    issued.push(id);
    const to = request.body.to ?? request.body.recipient ?? '';
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] } };
  };
}

/** `name{labels} value` lines of a Prometheus scrape, as label maps with their value. */
async function scrape(t: TestServer, name: string): Promise<Array<{ labels: Record<string, string>; value: number }>> {
  const text = await (await fetch(`${t.server.url}/metrics`)).text();
  return text.split('\n').flatMap((line) => {
    const match = new RegExp(`^${name}(?:\\{(.*)\\})? (\\S+)$`).exec(line);
    if (!match) return [];
    const labels = Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key = '', value = '']) => [key, value]));
    return [{ labels, value: Number(match[2]) }];
  });
}

const total = (series: ReadonlyArray<{ labels: Record<string, string>; value: number }>, where: Record<string, string> = {}): number =>
  series.filter(({ labels }) => Object.entries(where).every(([key, value]) => labels[key] === value)).reduce((sum, { value }) => sum + value, 0);

async function messageStats(t: TestServer): Promise<MessageStats> {
  const response = await fetch(`${t.server.url}/admin/stats`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: MessageStats }).messages;
}

// Every message sent is billed: counted by machine and state as the Graph API accepts it, and priced from Meta's
// status webhooks, through the whole server (signed webhooks in, Graph and CSS stand-ins on loopback).
describe.each(['redis', 'memory'] as const)('messages sent and their pricing (%s store)', (store) => {
  let t: TestServer;
  const issued: string[] = [];
  const [greeter, asker] = store === 'redis' ? ['221770500001', '221770500002'] : ['221770600001', '221770600002'];

  beforeAll(async () => {
    t = await startTestServer({
      store,
      env: { ADMIN_TOKEN, MESSAGE_RATE_XOF: String(RATE_XOF) },
      css: (question) => `Réponse de la CSS : ${question}`,
      graph: { respond: issuing(store, issued) },
    });
  });
  afterAll(async () => t.close());

  it('counts every message the Graph API accepted, by machine and state, per day and per conversation', async () => {
    // A greeting, a question and a tapped topic (one message each), and a first message that is a question (welcome + answer).
    for (const part of [
      textMessage({ from: greeter, body: 'bonjour' }),
      textMessage({ from: greeter, body: 'Quel est le taux de cotisation ?' }),
      buttonReply({ from: greeter, id: 'cotisations.taux', title: 'Taux de cotisation' }),
      textMessage({ from: asker, body: 'Comment déclarer un salarié ?' }),
    ]) {
      expect((await t.post(webhookBody(part))).status).toBe(200);
      await t.quiet();
    }
    expect(t.graph.requests).toHaveLength(5);

    const sent = await eventually(async () => {
      const series = await scrape(t, 'wa_messages_sent_total');
      if (total(series) < 5) throw new Error(`counted ${total(series)} of 5`);
      return series;
    }, 10_000);
    expect(total(sent)).toBe(t.graph.requests.length);
    expect(total(sent, { machine: 'css-assistant' })).toBe(5);
    expect(sent.every(({ labels }) => labels['state'] !== undefined && labels['state'] !== '')).toBe(true);

    const today = (await messageStats(t)).days.at(-1);
    expect(today).toMatchObject({ sent: 5, conversations: 2, messagesPerConversation: 2.5, estimatedCostXof: 5 * RATE_XOF });
    expect(today?.estimatedCostPerConversationXof).toBe(2.5 * RATE_XOF);
  });

  it('counts the pricing of status webhooks by category, each message once however often Meta sends it', async () => {
    expect(issued).toHaveLength(5);
    const [free = '', ...billed] = issued;
    const sentStatuses = [statusUpdate({ wamid: free, status: 'sent', pricing: FREE }), ...billed.map((wamid) => statusUpdate({ wamid, status: 'sent' }))];
    expect((await t.post(webhookBody(...sentStatuses))).status).toBe(200);
    // The same delivery again, then the `delivered` statuses, which carry the pricing a second time.
    expect((await t.post(webhookBody(...sentStatuses))).status).toBe(200);
    const delivered = issued.map((wamid) => statusUpdate({ wamid, status: 'delivered', pricing: wamid === free ? FREE : { ...UTILITY, category: 'service' } }));
    expect((await t.post(webhookBody(...delivered))).status).toBe(200);
    // A message that is not ours (another app on the number), and a pricing of a shape Meta does not send.
    expect((await t.post(webhookBody(statusUpdate({ wamid: 'wamid.elsewhere.1', status: 'sent', pricing: UTILITY })))).status).toBe(200);
    expect((await t.post(webhookBody(statusUpdate({ wamid: 'wamid.elsewhere.2', status: 'sent', pricing: { category: 7 } })))).status).toBe(200);

    const priced = await scrape(t, 'wa_messages_priced_total');
    expect(total(priced, { machine: 'css-assistant' })).toBe(5);
    expect(total(priced, { machine: 'css-assistant', category: 'service', billable: 'yes' })).toBe(4);
    expect(total(priced, { machine: 'css-assistant', category: 'service', billable: 'no' })).toBe(1);
    expect(priced.filter(({ labels }) => labels['machine'] === '(unmatched)')).toEqual([
      { labels: { machine: '(unmatched)', state: '(unmatched)', category: 'utility', billable: 'yes' }, value: 1 },
    ]);
    expect(total(await scrape(t, 'wa_webhook_unknown_shapes_total'))).toBe(1);

    const stats = await messageStats(t);
    expect(stats.rateXof).toBe(RATE_XOF);
    expect(stats.days).toHaveLength(30);
    const today = stats.days.at(-1);
    expect(today?.priced).toEqual({ yes: 5, no: 1, unknown: 0 });
    expect(today?.byCategory).toEqual({ service: 5, utility: 1 });
    // Five sent, one of them free: four billed.
    expect(today).toMatchObject({ sent: 5, estimatedCostXof: 4 * RATE_XOF, estimatedCostPerConversationXof: 2 * RATE_XOF });
  });
});

describe('messages counted by several processes on one Redis', () => {
  let first: TestServer;
  let second: TestServer;
  const issued: string[] = [];

  beforeAll(async () => {
    first = await startTestServer({ store: 'redis', env: { ADMIN_TOKEN }, graph: { respond: issuing('one', issued) } });
    second = await startTestServer({
      store: 'redis',
      env: { ADMIN_TOKEN, KEY_PREFIX: first.config.keyPrefix },
      graph: { respond: issuing('two', issued) },
      keepKeys: true,
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('adds up what each process sent, counts a status once whichever process receives it, and has no rate without MESSAGE_RATE_XOF', async () => {
    expect((await first.post(webhookBody(textMessage({ from: '221770700001', body: 'bonjour' })))).status).toBe(200);
    expect((await second.post(webhookBody(textMessage({ from: '221770700002', body: 'bonjour' })))).status).toBe(200);
    await eventually(() => issued.length === 2, 10_000);
    await Promise.all([first.quiet(), second.quiet()]);
    for (const t of [first, second]) {
      await eventually(async () => total(await scrape(t, 'wa_messages_sent_total')) === 2, 10_000);
    }

    const statuses = issued.map((wamid) => statusUpdate({ wamid, status: 'sent' }));
    expect((await first.post(webhookBody(...statuses))).status).toBe(200);
    expect((await second.post(webhookBody(...statuses))).status).toBe(200);
    for (const t of [first, second]) {
      expect(total(await scrape(t, 'wa_messages_priced_total'), { machine: 'css-assistant', category: 'service', billable: 'yes' })).toBe(2);
    }
    const today = (await messageStats(second)).days.at(-1);
    expect(today).toMatchObject({ sent: 2, conversations: 2, priced: { yes: 2, no: 0, unknown: 0 }, estimatedCostXof: null });
  });
});
