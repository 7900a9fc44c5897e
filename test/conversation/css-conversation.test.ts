import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { buttonReply, listReply, mediaMessage, reactionMessage, textMessage, webhookBody } from '../builders/payloads.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The contract's conversation rules, end to end: signed webhooks in, what the user receives out.
describe.each(['redis', 'memory'] as const)('CSS assistant conversation (%s store)', (store) => {
  let t: TestServer;
  let phone = 221770100000;
  let from: string;
  beforeAll(async () => {
    t = await startTestServer({ store });
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    from = String(++phone);
    t.css.setAnswer((question) => `Réponse CSS à : ${question}`);
  });

  /** Sends user messages one after the other, each once its replies arrived; returns what the user saw. */
  async function say(...bodies: string[]): Promise<string[]> {
    for (const body of bodies) expect((await t.post(webhookBody(textMessage({ from, body })))).status).toBe(200);
    return seen();
  }
  const seen = () => textsOf(t.graph.requests, from);
  const waitSeen = async (count: number) => {
    await t.graph.waitForRequests(t.graph.requests.length - seen().length + count, 5000).catch(() => undefined);
    for (let i = 0; i < 250 && seen().length < count; i++) await new Promise((r) => setTimeout(r, 20));
    return seen();
  };

  it('greets a new session with the welcome and its three buttons, and nothing else', async () => {
    await say('Bonjour');
    const texts = await waitSeen(1);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('Bienvenue');
    expect(texts[0]).toMatch(/\[menu:.+\] \[aide:.+\] \[contact:.+\]/);
  });

  it('answers a first message that is a question, after the welcome', async () => {
    await say('Comment déclarer un salarié ?');
    const texts = await waitSeen(3);
    expect(texts[0]).toContain('Bienvenue');
    expect(texts[1]).toBe('Réponse CSS à : Comment déclarer un salarié ?');
    expect(texts[2]).toContain('[menu:');
    expect(t.css.questions).toContain('Comment déclarer un salarié ?');
  });

  it('understands commands in any case, with accents or a slash', async () => {
    await say('bonjour');
    await waitSeen(1);
    for (const [command, count] of [['/AIDE', 2], ['Help', 3], [' Menu ', 4], ['CONTACT', 5], ['/menu', 6]] as const) {
      await say(command);
      await waitSeen(count);
    }
    const texts = seen();
    expect(texts[1]).toBe(texts[2]); // aide and help give the same help
    expect(texts[3]).toMatch(/\[cotisations:.+\] \[prestations:.+\] \[procedures:.+\] \[documents:.+\]/);
    expect(texts[4]).toMatch(/contact|Contact|joindre/);
    expect(texts[5]).toBe(texts[3]);
    expect(t.css.questions.filter((q) => /aide|help|menu|contact/i.test(q))).toEqual([]);
  });

  it('walks the menu by taps: category list, then a topic asks its question', async () => {
    await say('bonjour');
    await waitSeen(1);
    await t.post(webhookBody(buttonReply({ from, id: 'menu', title: 'Menu' })));
    await waitSeen(2);
    await t.post(webhookBody(listReply({ from, id: 'prestations', title: 'Prestations' })));
    const afterCategory = await waitSeen(3);
    const topic = /\[(prestations\.[^:]+):/.exec(afterCategory[2] ?? '')?.[1];
    expect(topic).toBeDefined();
    await t.post(webhookBody(listReply({ from, id: topic ?? '', title: 'Sujet' })));
    const texts = await waitSeen(5);
    expect(texts[3]).toMatch(/^Réponse CSS à : /);
    expect(texts[4]).toContain('[menu:');
  });

  it('picks a category with 1 to 4 in the menu', async () => {
    await say('menu');
    await waitSeen(2);
    await say('2');
    const texts = await waitSeen(3);
    expect(texts[2]).toMatch(/\[prestations\./);
  });

  it('splits a long answer into parts of at most 4,000 characters headed (Suite i/n)', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `mot${i}`).join(' ');
    t.css.setAnswer(() => long);
    await say('bonjour', 'Une longue question ?');
    const texts = await waitSeen(1 + 3 + 1);
    const parts = texts.slice(1, -1);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    parts.forEach((part, i) => {
      expect(part.length).toBeLessThanOrEqual(4000);
      if (i > 0) expect(part.startsWith(`(Suite ${i + 1}/${parts.length})`)).toBe(true);
    });
    expect(parts.join(' ').replace(/\(Suite \d+\/\d+\)\n/g, '').split(/\s+/)).toEqual(long.split(' '));
  });

  it.each([
    ['answers with an HTTP error', () => ({ status: 500, body: { detail: 'boom' } })],
    ['is slower than its timeout', () => ({ delayMs: 3000, answer: 'trop tard' })],
  ])('apologises in French when the CSS API %s, and the conversation goes on', async (_case, reply) => {
    await say('bonjour');
    await waitSeen(1);
    t.css.setAnswer(reply);
    await say('Quel est le taux de cotisation ?');
    const texts = await waitSeen(2);
    expect(texts[1]).toMatch(/réessayez/i);
    t.css.setAnswer((q) => `Réponse CSS à : ${q}`);
    await say('Et les allocations ?');
    const after = await waitSeen(4);
    expect(after[2]).toBe('Réponse CSS à : Et les allocations ?');
  });

  it('acts once on a message delivered several times', async () => {
    const message = textMessage({ from, body: 'Une seule fois ?' });
    const body = webhookBody(message);
    const statuses = await Promise.all([t.post(body), t.post(body), t.post(body)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitSeen(3);
    await t.post(body);
    await say('menu');
    await waitSeen(4);
    expect(t.css.questions.filter((q) => q === 'Une seule fois ?')).toHaveLength(1);
    expect(seen().filter((text) => text.includes('Une seule fois ?'))).toHaveLength(1);
  });

  it('answers a burst of messages from one user in the order they were sent', async () => {
    // Slow answers to some questions must not let later ones overtake them.
    t.css.setAnswer(async (q) => ({ delayMs: q.endsWith('0') || q.endsWith('5') ? 80 : 5, answer: `R ${q}` }));
    const questions = Array.from({ length: 10 }, (_, i) => `question ${i}`);
    await say('bonjour');
    await waitSeen(1);
    // Half in one batched POST, half as separate POSTs in quick succession, none waiting for replies.
    await t.post(webhookBody(...questions.slice(0, 5).map((body) => textMessage({ from, body }))));
    for (const body of questions.slice(5)) await t.post(webhookBody(textMessage({ from, body })));
    const texts = await waitSeen(1 + 2 * questions.length);
    expect(texts.filter((text) => text.startsWith('R '))).toEqual(questions.map((q) => `R ${q}`));
  });

  it('serves two users in parallel: a slow answer for one does not hold the other', async () => {
    const other = String(++phone);
    t.css.setAnswer(async (q) => (q === 'lente ?' ? { delayMs: 1500, answer: 'R lente' } : `R ${q}`));
    await t.post(webhookBody(textMessage({ from, body: 'lente ?' })));
    await t.post(webhookBody(textMessage({ from: other, body: 'rapide ?' })));
    await t.graph.waitForRequests(1);
    for (let i = 0; i < 100 && !textsOf(t.graph.requests, other).includes('R rapide ?'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(textsOf(t.graph.requests, other)).toContain('R rapide ?');
    expect(seen()).not.toContain('R lente');
    expect(await waitSeen(3)).toContain('R lente');
  });

  it('ignores reactions and answers media with what it can handle, without losing its place', async () => {
    await say('menu');
    await waitSeen(2);
    await t.post(webhookBody(reactionMessage({ from, messageId: 'wamid.x', emoji: '👍' })));
    await t.post(webhookBody(mediaMessage('audio', { from })));
    const texts = await waitSeen(3);
    expect(texts[2]).toMatch(/texte/i);
    await say('3');
    expect((await waitSeen(4))[3]).toMatch(/\[procedures\./);
  });

  it('replies to a username-only user through the business-scoped id', async () => {
    await t.post(webhookBody(textMessage({ from: null, fromUserId: `SN.${from}`, body: 'Bonjour' })));
    await t.graph.waitForRequests(1);
    const sent = await (async () => {
      for (let i = 0; i < 250; i++) {
        const found = t.graph.requests.find((r) => r.body.recipient === `SN.${from}`);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      return undefined;
    })();
    expect(sent?.body.to).toBeUndefined();
    expect(sent?.authorization).toBe('Bearer test-token');
  });
});
