import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { texts } from '../../machines/css-assistant/index.js';
import { NOT_DELIVERED } from '../../src/engine/lane/agent-activity.js';
import { Redis } from 'ioredis';
import { DEFAULT_PHONE_NUMBER_ID, mediaMessage, textMessage, webhookBody } from '../builders/payloads.js';
import { tinyJpeg } from '../support/media-fixtures.js';
import { startChatwootStandIn, type ChatwootStandIn, type StandInConversation } from '../support/chatwoot-stand-in.js';
import { eventually } from '../support/eventually.js';
import { textsOf, type GraphStandInOptions } from '../support/graph-stand-in.js';
import { REDIS_URL, startTestServer, type TestServer } from '../support/test-server.js';

const ALWAYS_OPEN = '1-7 00:00-24:00';

async function startWithChatwoot(chatwoot: ChatwootStandIn, env: Record<string, string> = {}, graph: GraphStandInOptions = {}): Promise<TestServer> {
  const t = await startTestServer({
    store: 'redis',
    graph,
    env: {
      CHATWOOT_URL: chatwoot.url,
      CHATWOOT_ACCOUNT_ID: String(chatwoot.accountId),
      CHATWOOT_INBOX_ID: String(chatwoot.inboxId),
      CHATWOOT_API_TOKEN: chatwoot.token,
      CHATWOOT_WEBHOOK_SECRET: chatwoot.secret,
      CHATWOOT_TIMEOUT_MS: '1000',
      AGENT_OFFICE_HOURS: ALWAYS_OPEN,
      ...env,
    },
  });
  chatwoot.setWebhookUrl(`${t.server.url}/chatwoot/webhook`);
  return t;
}

/** Polls until `find` finds something (it returns `undefined` until then). */
async function until<T>(find: () => T | undefined, timeoutMs = 8000): Promise<T> {
  return eventually(() => {
    const found = find();
    if (found === undefined) throw new Error('not yet');
    return found;
  }, timeoutMs);
}

/** What the citizen received so far. */
const received = (t: TestServer, from: string) => textsOf(t.graph.requests, from);

/** Waits until the citizen has received `count` messages, and returns them. */
const receivedAtLeast = (t: TestServer, from: string, count: number, timeoutMs = 8000) =>
  until(() => (received(t, from).length >= count ? received(t, from) : undefined), timeoutMs);

/** The citizen's messages in Chatwoot (incoming), once `count` are there. */
async function incoming(chatwoot: ChatwootStandIn, count: number, timeoutMs = 8000): Promise<{ conversation: StandInConversation; texts: string[] }> {
  return until(() => {
    const conversation = chatwoot.conversations.at(-1);
    const texts = conversation?.messages.filter((m) => m.message_type === 'incoming').map((m) => m.content) ?? [];
    return conversation && texts.length >= count ? { conversation, texts } : undefined;
  }, timeoutMs);
}

describe('live agent handoff through Chatwoot, driven through the real server', () => {
  let chatwoot: ChatwootStandIn;
  let t: TestServer;
  beforeAll(async () => {
    chatwoot = await startChatwootStandIn();
    t = await startWithChatwoot(chatwoot);
  });
  afterAll(async () => {
    await t.close();
    await chatwoot.close();
  });

  it('a citizen asks for an agent, the agent answers twice, a private note stays private, the agent resolves, the bot answers where the citizen was', async () => {
    const from = '221775550001';
    await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
    await t.post(webhookBody(textMessage({ from, body: 'menu' })));
    await receivedAtLeast(t, from, 2);
    await t.post(webhookBody(textMessage({ from, body: 'je veux parler à un conseiller' })));
    expect((await receivedAtLeast(t, from, 3))[2]).toBe(texts.agent.coming);

    await t.post(webhookBody(textMessage({ from, body: 'Ma rente n’est pas arrivée ce mois-ci' })));
    const { conversation, texts: forAgents } = await incoming(chatwoot, 2);
    expect(forAgents).toEqual([texts.agent.request('je veux parler à un conseiller', undefined), 'Ma rente n’est pas arrivée ce mois-ci']);
    // Agents see the profile name and a pseudonym, never the phone number.
    const contact = chatwoot.contacts.find((c) => c.id === conversation.contactId);
    expect(contact).toMatchObject({ name: 'Awa Diop' });
    expect(JSON.stringify(contact)).not.toContain(from);
    expect(t.css.questions).toEqual([]);

    const first = await chatwoot.reply(conversation.id, 'Bonjour, je regarde votre dossier.');
    expect(first.status).toBe(200);
    await chatwoot.reply(conversation.id, 'Votre rente part demain.');
    await chatwoot.note(conversation.id, 'Note interne : dossier 1234, ne pas communiquer.');
    await t.quiet();
    expect(received(t, from).slice(3)).toEqual(['Bonjour, je regarde votre dossier.', 'Votre rente part demain.']);

    // Delivered twice by Chatwoot (or a proxy): sent once.
    expect((await chatwoot.redeliver(first)).status).toBe(200);
    const resolved = await chatwoot.resolve(conversation.id);
    expect(resolved.status).toBe(200);
    const [back, menu] = (await receivedAtLeast(t, from, 7)).slice(5);
    expect(back).toBe(texts.agent.back);
    expect(menu).toMatch(/\[cotisations:/);
    await chatwoot.redeliver(resolved);
    await t.quiet();
    expect(received(t, from)).toHaveLength(7);

    // Back with the bot, in the menu they had open: a typed number picks its category.
    await t.post(webhookBody(textMessage({ from, body: '2' })));
    expect((await receivedAtLeast(t, from, 8))[7]).toMatch(/\[prestations\./);
    expect(received(t, from).join('\n')).not.toContain('Note interne');

    // A late agent message, after the hand-back, within the window: delivered.
    await chatwoot.reply(conversation.id, 'Une dernière précision : gardez le reçu.');
    expect((await receivedAtLeast(t, from, 9))[8]).toBe('Une dernière précision : gardez le reçu.');
    const metrics = await (await fetch(`${t.server.url}/metrics`)).text();
    expect(metrics).toMatch(/wa_chatwoot_webhooks_total\{outcome="duplicate"\} 2/);
    expect(metrics).toMatch(/wa_handoffs_started_total 1\n/);
    expect(metrics).toMatch(/wa_handoffs_resolved_total 1\n/);
    expect(metrics).toMatch(/wa_agent_first_reply_seconds_count 1\n/);
  });

  it('passes a photo sent to the agent as an attachment, with its caption; a file that cannot be fetched is said so', async () => {
    const jpeg = tinyJpeg();
    t.graph.setMedia((id) => (id === 'photo-for-agent' ? { bytes: jpeg, mimeType: 'image/jpeg' } : undefined));
    const from = '221775550009';
    await t.post(webhookBody(textMessage({ from, body: 'agent' })));
    await incoming(chatwoot, 1);
    await t.post(webhookBody(mediaMessage('image', { from, mediaId: 'photo-for-agent', caption: 'Mon attestation' })));
    await t.post(webhookBody(mediaMessage('document', { from, mediaId: 'gone-already', filename: 'releve.pdf' })));
    const { conversation } = await incoming(chatwoot, 3);
    const [, photo, lost] = conversation.messages.filter((m) => m.message_type === 'incoming');
    expect(photo).toMatchObject({ content: 'Mon attestation', attachments: [{ contentType: 'image/jpeg', bytes: jpeg }] });
    expect(lost?.content).toBe('[document]\n[fichier envoyé sur WhatsApp, non récupérable]');
    expect(lost?.attachments).toBeUndefined();
  });

  it('refuses deliveries without the secret, with a wrong or stale signature, and takes the secret as a URL token', async () => {
    const url = `${t.server.url}/chatwoot/webhook`;
    const body = JSON.stringify({ event: 'conversation_status_changed', id: 1, status: 'resolved', contact_inbox: { source_id: 'x' } });
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401);
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const { createHmac } = await import('node:crypto');
    const signature = `sha256=${createHmac('sha256', chatwoot.secret).update(`${stale}.${body}`).digest('hex')}`;
    expect((await fetch(url, { method: 'POST', body, headers: { 'x-chatwoot-signature': signature, 'x-chatwoot-timestamp': stale } })).status).toBe(401);
    expect((await fetch(`${url}?token=wrong-secret-of-some-length`, { method: 'POST', body })).status).toBe(401);
    const byToken = await fetch(`${url}?token=${encodeURIComponent(chatwoot.secret)}`, { method: 'POST', body });
    expect(byToken.status).toBe(200);
    expect(await byToken.json()).toEqual({ outcome: 'unknown_citizen' });
    expect((await fetch(`${url}?token=${encodeURIComponent(chatwoot.secret)}`, { method: 'POST', body: '{not json' })).status).toBe(400);
  });
});

describe('live agent handoff: when things go wrong', () => {
  it('Chatwoot down: the citizen is told once, the messages are kept and reach the agents in order, once, when it is back', async () => {
    const chatwoot = await startChatwootStandIn();
    const t = await startWithChatwoot(chatwoot, { AGENT_RETRY_SECONDS: '1' });
    try {
      const from = '221775550002';
      chatwoot.failWith(503);
      await t.post(webhookBody(textMessage({ from, body: 'agent' })));
      await t.post(webhookBody(textMessage({ from, body: 'Je reste joignable' })));
      await t.post(webhookBody(textMessage({ from, body: 'Merci d’avance' })));
      const told = await receivedAtLeast(t, from, 3);
      expect(told.filter((text) => text === texts.agent.unreachable)).toHaveLength(1);
      chatwoot.failWith(undefined);
      const { texts: forAgents } = await incoming(chatwoot, 3, 10_000);
      expect(forAgents).toEqual([texts.agent.request('agent', undefined), 'Je reste joignable', 'Merci d’avance']);
      await t.quiet();
      expect((await incoming(chatwoot, 3)).texts).toHaveLength(3);
      expect(received(t, from).filter((text) => text === texts.agent.unreachable)).toHaveLength(1);
    } finally {
      await t.close();
      await chatwoot.close();
    }
  });

  it('out of office hours: the citizen is told when agents are there, and their message waits for them', async () => {
    const chatwoot = await startChatwootStandIn();
    const today = ((new Date().getUTCDay() + 6) % 7) + 1;
    const otherDay = (today % 7) + 1;
    const t = await startWithChatwoot(chatwoot, { AGENT_OFFICE_HOURS: `${otherDay}-${otherDay} 08:00-17:00`, AGENT_TIMEZONE: 'UTC' });
    try {
      const from = '221775550003';
      await t.post(webhookBody(textMessage({ from, body: 'agent' })));
      expect((await receivedAtLeast(t, from, 2))[1]).toBe(texts.agent.outOfHours);
      expect((await incoming(chatwoot, 1)).texts).toEqual([texts.agent.request('agent', undefined)]);
    } finally {
      await t.close();
      await chatwoot.close();
    }
  });

  it('no agent reply in time: the citizen is told and given the phone number, once', async () => {
    const chatwoot = await startChatwootStandIn();
    const t = await startWithChatwoot(chatwoot, { AGENT_REPLY_TIMEOUT_SECONDS: '1' });
    try {
      const from = '221775550004';
      await t.post(webhookBody(textMessage({ from, body: 'agent' })));
      const all = await receivedAtLeast(t, from, 3, 10_000);
      expect(all.slice(1)).toEqual([texts.agent.coming, texts.agent.noReplyYet]);
      expect(texts.agent.noReplyYet).toMatch(/\+221/);
    } finally {
      await t.close();
      await chatwoot.close();
    }
  });

  it('an agent reply past Meta’s 24-hour window is not sent, and the agents get a private note saying why', async () => {
    const chatwoot = await startChatwootStandIn();
    const t = await startWithChatwoot(chatwoot, { MESSAGE_MAX_AGE_SECONDS: String(2 * 86_400), DEDUP_WINDOW_SECONDS: String(3 * 86_400) });
    try {
      const from = '221775550005';
      const dayAndAnHourAgo = Math.floor(Date.now() / 1000) - 25 * 3600;
      await t.post(webhookBody(textMessage({ from, body: 'agent', timestamp: dayAndAnHourAgo })));
      const { conversation } = await incoming(chatwoot, 1);
      await t.quiet();
      const before = received(t, from).length;
      await chatwoot.reply(conversation.id, 'Désolé pour l’attente.');
      const note = await until(() => conversation.messages.find((m) => m.private));
      expect(note.content).toBe(NOT_DELIVERED.window);
      await t.quiet();
      expect(received(t, from)).toHaveLength(before);
    } finally {
      await t.close();
      await chatwoot.close();
    }
  });

  it('Meta refusing an agent’s reply (131047, window closed) gives the agents a private note', async () => {
    const chatwoot = await startChatwootStandIn();
    const windowClosed = { status: 400, body: { error: { code: 131047, message: 'Re-engagement message', fbtrace_id: 'T' } } };
    const t = await startWithChatwoot(chatwoot, {}, {
      respond: (request) => (request.body.type === 'text' && request.body.text.body === 'Refusé par Meta' ? windowClosed : undefined),
    });
    try {
      const from = '221775550008';
      await t.post(webhookBody(textMessage({ from, body: 'agent' })));
      const { conversation } = await incoming(chatwoot, 1);
      await t.quiet();
      await chatwoot.reply(conversation.id, 'Refusé par Meta');
      const note = await until(() => conversation.messages.find((m) => m.private));
      expect(note.content).toBe(NOT_DELIVERED.refused);
    } finally {
      await t.close();
      await chatwoot.close();
    }
  });

  it('an agent reply after the citizen’s session expired, within the window, still reaches them', async () => {
    const chatwoot = await startChatwootStandIn();
    // A conversation with an agent is kept AGENT_SESSION_TTL_SECONDS: both are short here, so that it does expire.
    const t = await startWithChatwoot(chatwoot, { SESSION_TTL_SECONDS: '2', AGENT_SESSION_TTL_SECONDS: '2' });
    try {
      const from = '221775550007';
      await t.post(webhookBody(textMessage({ from, body: 'agent' })));
      const { conversation } = await incoming(chatwoot, 1);
      const withAgent = async () =>
        (await t.server.pipeline.countByState()).filter((row) => row.state.includes('withAgent')).reduce((sum, row) => sum + row.count, 0);
      expect(await withAgent()).toBe(1);
      // The session expires (SESSION_TTL_SECONDS=2): the machine that would relay the reply is gone.
      await eventually(async () => (await withAgent()) === 0, 8000, 100);
      await chatwoot.reply(conversation.id, 'Votre attestation est prête.');
      expect((await receivedAtLeast(t, from, 3))[2]).toBe('Votre attestation est prête.');
      expect(conversation.messages.some((m) => m.private)).toBe(false);
    } finally {
      await t.close();
      await chatwoot.close();
    }
  });

  it('keeps a conversation with an agent for AGENT_SESSION_TTL_SECONDS, then for the usual session once resolved', async () => {
    const chatwoot = await startChatwootStandIn();
    const t = await startWithChatwoot(chatwoot, { SESSION_TTL_SECONDS: '60', AGENT_SESSION_TTL_SECONDS: '7200' });
    const redis = new Redis(REDIS_URL);
    try {
      const from = '221775550008';
      const conversationKey = `${t.config.keyPrefix}{${DEFAULT_PHONE_NUMBER_ID}:${from}}:conv`;
      await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
      await receivedAtLeast(t, from, 1);
      expect(await redis.pttl(conversationKey)).toBeLessThanOrEqual(60_000);
      await t.post(webhookBody(textMessage({ from, body: 'agent' })));
      const { conversation } = await incoming(chatwoot, 1);
      await t.quiet();
      // Waiting for an agent overnight: the citizen's next message must still reach them, not a fresh bot session.
      expect(await redis.pttl(conversationKey)).toBeGreaterThan(3_600_000);
      await chatwoot.resolve(conversation.id);
      await until(() => (received(t, from).includes(texts.agent.back) ? true : undefined));
      await t.quiet();
      expect(await redis.pttl(conversationKey)).toBeLessThanOrEqual(60_000);
    } finally {
      redis.disconnect();
      await t.close();
      await chatwoot.close();
    }
  });

  it('without Chatwoot, a citizen asking for a person is given the phone number, and the route does not exist', async () => {
    const t = await startTestServer({ store: 'memory' });
    try {
      const from = '221775550006';
      await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
      await t.post(webhookBody(textMessage({ from, body: 'un conseiller svp' })));
      const [, phone] = await receivedAtLeast(t, from, 2);
      expect(phone).toContain(texts.agent.unavailable);
      expect(phone).toMatch(/\+221/);
      expect((await fetch(`${t.server.url}/chatwoot/webhook`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
