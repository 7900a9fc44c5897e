import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { categories, texts } from '../../machines/css-assistant/index.js';
import { buttonReply, listReply, mediaMessage, reactionMessage, textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BUTTONS = '[menu:Menu] [aide:Aide] [contact:Contact]';

// The contract's conversation rules, end to end: signed webhooks in, what the user receives out.
describe.each(['redis', 'memory'] as const)('CSS assistant conversation (%s store)', (store) => {
  let t: TestServer;
  let phone = 221770100000;
  let from: string;
  beforeAll(async () => {
    // Many short exchanges per user here: the flood limit is tested in rate-limits.test.ts.
    t = await startTestServer({ store, env: { INBOUND_PER_MINUTE: '1000' } });
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    from = String(++phone);
    t.css.setAnswer((question) => `Réponse CSS à : ${question}`);
  });

  const seen = () => textsOf(t.graph.requests, from);
  /** The next `count` messages the user receives after the first `from` ones. */
  const waitSeen = async (count: number, after = 0) => {
    await eventually(() => seen().length >= after + count, 8000).catch(() => undefined);
    return seen().slice(after);
  };
  /** Sends one message and returns everything the user received because of it, once it is all out. */
  async function exchange(message: Parameters<typeof webhookBody>[0]): Promise<string[]> {
    const before = seen().length;
    expect((await t.post(webhookBody(message))).status).toBe(200);
    // Everything the message caused (an answer comes back after its CSS call) is out once the server is quiet.
    await t.quiet();
    return seen().slice(before);
  }
  const say = (body: string) => exchange(textMessage({ from, body }));
  const begin = async () => {
    await say('bonjour');
  };

  it('greets a new session with the welcome and its three buttons, and nothing else', async () => {
    const replies = await say('Bonjour');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Bienvenue');
    expect(replies[0]).toMatch(/\[menu:.+\] \[aide:.+\] \[contact:.+\]/);
  });

  it('answers a first message that is a question, after the welcome; the answer carries its buttons', async () => {
    const replies = await say('Comment déclarer un salarié ?');
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('Bienvenue');
    expect(replies[1]).toBe(`Réponse CSS à : Comment déclarer un salarié ?\n${BUTTONS}`);
    expect(t.css.questions).toContain('Comment déclarer un salarié ?');
  });

  it('a question costs one Graph message, and so does a tapped topic, when the answer is short', async () => {
    await begin();
    const sent = t.graph.requests.length;
    expect(await say('Quel est le taux de cotisation ?')).toEqual([`Réponse CSS à : Quel est le taux de cotisation ?\n${BUTTONS}`]);
    const topic = categories[0]!.topics[0]!;
    expect(await exchange(listReply({ from, id: topic.id, title: topic.title }))).toEqual([`Réponse CSS à : ${topic.question}\n${BUTTONS}`]);
    const answers = t.graph.requests.slice(sent).filter((r) => r.body.to === from && JSON.stringify(r.body).includes('Réponse CSS'));
    expect(answers).toHaveLength(2);
    expect(answers.every((r) => r.body.type === 'interactive')).toBe(true);
  });

  it('understands commands in any case, with accents, a slash or politeness', async () => {
    await begin();
    const help = await say('/AIDE');
    expect(await say('aide svp')).toEqual(help);
    const menu = await say(' Menu ');
    expect(menu[0]).toMatch(/\[cotisations:.+\] \[prestations:.+\] \[procedures:.+\] \[documents:.+\]/);
    expect(await say('le menu stp')).toEqual(menu);
    expect((await say('CONTACT'))[0]).toContain(texts.contact);
    expect(t.css.questions.filter((q) => /aide|help|menu|contact/i.test(q))).toEqual([]);
  });

  it('answers small talk and requests for a person itself, never asking the CSS API', async () => {
    await begin();
    const asked = t.css.questions.length;
    const small = ['merci', 'ok', '👍', '?', 'au revoir', 'Jërëjëf', 'Salaam aleekum', 'Nanga def', 'thank you', 'bonne journée'];
    for (const body of small) expect(await say(body)).toEqual([expect.stringMatching(/\[menu:Menu\]/)]);
    for (const body of ['réclamation', 'plainte']) {
      expect(await say(body)).toEqual([`${texts.contact}\n[agent:Parler à un agent] [menu:Menu] [aide:Aide]`]);
    }
    // No agents' inbox configured here (no CHATWOOT_*): a request for a person gets the phone number, not a dead end.
    for (const body of ['agent', 'conseiller', 'humain', 'parler à quelqu’un']) {
      expect(await say(body)).toEqual([`${texts.agent.unavailable}\n\n${texts.contact}\n[menu:Menu] [aide:Aide]`]);
    }
    expect(t.css.questions.slice(asked).filter((q) => !q.startsWith('sonde'))).toEqual([]);
  });

  it('picks list rows by typed numbers, goes back with 0 and "retour", and never sends a number to the CSS', async () => {
    await begin();
    expect((await say('menu'))[0]).toContain('Tapez le numéro');
    expect((await say('2'))[0]).toMatch(/\[prestations\./);
    const topic = categories[1]!.topics[2]!;
    expect(await say('3')).toEqual([`Réponse CSS à : ${topic.question}\n${BUTTONS}`]);
    expect((await say('0'))[0]).toMatch(/\[cotisations:/);
    expect((await say('retour'))[0]).toBe(`${texts.home}\n${BUTTONS}`);
    expect((await say('4'))[0]).toMatch(/\[cotisations:/); // no list open: the menu
    expect(t.css.questions.filter((q) => /^\d+$/.test(q))).toEqual([]);
  });

  it('walks the menu by taps, with a back row in every list', async () => {
    await begin();
    await exchange(buttonReply({ from, id: 'menu', title: 'Menu' }));
    const list = await exchange(listReply({ from, id: 'procedures', title: 'Démarches' }));
    expect(list[0]).toMatch(/\[retour:[^\]]+\]$/);
    expect((await exchange(listReply({ from, id: 'retour', title: 'Retour au menu' })))[0]).toMatch(/\[cotisations:/);
  });

  it('explains pensions on "je veux ma pension", without asking the CSS', async () => {
    await begin();
    expect(await say('je veux ma pension')).toEqual([`${texts.pension}\n[pensions:Questions pensions] [contact:Contact] [menu:Menu]`]);
    expect(t.css.questions).not.toContain('je veux ma pension');
  });

  it('splits a long answer into numbered parts of at most 4,000 characters, the last one carrying the buttons', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `mot${i}`).join(' ');
    await begin();
    t.css.setAnswer(() => long);
    const base = seen().length;
    await t.post(webhookBody(textMessage({ from, body: 'Une longue question ?' })));
    await eventually(() => seen().slice(base).some((text) => text.endsWith(`\n${BUTTONS}`)), 8000);
    const parts = seen().slice(base);
    const n = parts.length;
    expect(n).toBeGreaterThanOrEqual(3);
    parts.forEach((part, i) => {
      const body = i === n - 1 ? part.slice(0, -(BUTTONS.length + 1)) : part;
      expect(body.length).toBeLessThanOrEqual(i === n - 1 ? 1024 : 4000);
      expect(part.startsWith(i === 0 ? `(1/${n})\n` : `(Suite ${i + 1}/${n})\n`)).toBe(true);
    });
    const words = parts.join(' ').replace(/\((?:Suite )?\d+\/\d+\)\n/g, '').replace(BUTTONS, '').trim().split(/\s+/);
    expect(words).toEqual(long.split(' '));
  });

  it.each([
    ['answers with an HTTP error', () => ({ status: 500, body: { detail: 'boom' } }), texts.failure.down],
    ['is slower than its timeout', () => ({ delayMs: 3000, answer: 'trop tard' }), texts.failure.timeout],
    ['finds no answer', () => ({ status: 200, body: { answer: '' } }), texts.noAnswer],
  ])('when the CSS API %s, says so with something to tap, and [Réessayer] asks again', async (_case, reply, said) => {
    await begin();
    t.css.setAnswer(reply);
    const base = seen().length;
    await t.post(webhookBody(textMessage({ from, body: 'Quel est le taux de cotisation ?' })));
    const failure = (await waitSeen(1, base))[0]!;
    expect(failure.startsWith(said)).toBe(true);
    expect(failure).toMatch(said === texts.noAnswer ? /\[menu:Menu\] \[contact:Contact\]/ : /\[reessayer:Réessayer\] \[menu:Menu\] \[contact:Contact\]/);
    await t.quiet();
    t.css.setAnswer((question) => `Réponse CSS à : ${question}`); // the CSS API is back
    const again = await exchange(buttonReply({ from, id: 'reessayer', title: 'Réessayer' }));
    expect(again).toEqual([`Réponse CSS à : Quel est le taux de cotisation ?\n${BUTTONS}`]);
  });

  it('after two failures in a row, gives the contact details by itself', async () => {
    await begin();
    t.css.setAnswer(() => ({ status: 503, body: 'down' }));
    const base = seen().length;
    await t.post(webhookBody(textMessage({ from, body: 'Question 1 ?' })));
    await t.quiet();
    await t.post(webhookBody(textMessage({ from, body: 'Question 2 ?' })));
    const [first, second] = await waitSeen(2, base);
    expect(first?.startsWith(texts.failure.down)).toBe(true);
    expect(second).toContain(texts.failure.again);
    expect(second).toContain(texts.contact);
  });

  it('acts once on a message delivered several times', async () => {
    const message = textMessage({ from, body: 'Une seule fois ?' });
    const body = webhookBody(message);
    const statuses = await Promise.all([t.post(body), t.post(body), t.post(body)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitSeen(2);
    await t.post(body);
    await say('menu');
    expect(t.css.questions.filter((q) => q === 'Une seule fois ?')).toHaveLength(1);
    expect(seen().filter((text) => text.includes('Une seule fois ?'))).toHaveLength(1);
  });

  it('answers a burst of messages from one user in the order they were sent', async () => {
    // Slow answers to some questions must not let later ones overtake them.
    t.css.setAnswer(async (q) => ({ delayMs: q.endsWith('0') || q.endsWith('5') ? 80 : 5, answer: `R ${q}` }));
    const questions = Array.from({ length: 10 }, (_, i) => `question ${i}`);
    await t.post(webhookBody(textMessage({ from, body: 'bonjour' })));
    await waitSeen(1);
    // Half in one batched POST, half as separate POSTs in quick succession, none waiting for replies.
    await t.post(webhookBody(...questions.slice(0, 5).map((body) => textMessage({ from, body }))));
    for (const body of questions.slice(5)) await t.post(webhookBody(textMessage({ from, body })));
    await eventually(() => seen().filter((text) => text.startsWith('R ')).length === questions.length, 10_000);
    expect(seen().filter((text) => text.startsWith('R ')).map((text) => text.split('\n')[0])).toEqual(questions.map((q) => `R ${q}`));
  });

  it('serves two users in parallel: a slow answer for one does not hold the other', async () => {
    const other = String(++phone);
    t.css.setAnswer(async (q) => (q === 'lente ?' ? { delayMs: 1500, answer: 'R lente' } : `R ${q}`));
    await t.post(webhookBody(textMessage({ from, body: 'lente ?' })));
    await t.post(webhookBody(textMessage({ from: other, body: 'rapide ?' })));
    await eventually(() => textsOf(t.graph.requests, other).some((text) => text.startsWith('R rapide ?')), 1400);
    expect(seen().some((text) => text.startsWith('R lente'))).toBe(false);
    await eventually(() => seen().some((text) => text.startsWith('R lente')), 5000);
  });

  it('ignores reactions and answers media with what it can handle, without losing its place', async () => {
    await say('menu');
    await t.post(webhookBody(reactionMessage({ from, messageId: 'wamid.x', emoji: '👍' })));
    expect((await exchange(mediaMessage('audio', { from })))[0]).toContain(texts.cannotRead);
    expect((await say('3'))[0]).toMatch(/\[procedures\./);
  });

  it('replies to a username-only user through the business-scoped id', async () => {
    await t.post(webhookBody(textMessage({ from: null, fromUserId: `SN.${from}`, body: 'Bonjour' })));
    await eventually(() => t.graph.requests.some((r) => r.body.recipient === `SN.${from}`));
    const sent = t.graph.requests.find((r) => r.body.recipient === `SN.${from}`);
    expect(sent?.body.to).toBeUndefined();
    expect(sent?.authorization).toBe('Bearer test-token');
  });
});
