import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { DEFAULT_PHONE_NUMBER_ID, buttonReply, textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { REDIS_URL, startTestServer, type TestServer } from '../support/test-server.js';
import { ADMIN_TOKEN } from '../http/admin/admin-stand.js';
import { messages, texts, textsIn } from '../../machines/css-assistant/index.js';

const english = textsIn(messages, 'en');
const wolof = textsIn(messages, 'wo');
/** A buttons message as the Graph stand-in shows it: its body, then its buttons. */
const withButtons = (body: string, buttons: Readonly<Record<string, string>>, ids: readonly string[]) =>
  `${body}\n${ids.map((id) => `[${id}:${buttons[id]}]`).join(' ')}`;
const HOME = ['menu', 'aide', 'contact'];
const NAME = 'Awa';
const LANGUAGES = ['francais', 'english', 'wolof'];

// Every citizen in their language, through the real server on Redis: signed webhooks in, Graph requests out.
describe('conversations in French, English and Wolof', () => {
  let t: TestServer;
  let redis: Redis;
  beforeAll(async () => {
    t = await startTestServer({ store: 'redis', env: { SESSION_TTL_SECONDS: '1', ADMIN_TOKEN } });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });

  /** Sends one message and waits until everything it caused is sent; returns what the user received. */
  const exchange = async (from: string, part: Parameters<typeof webhookBody>[0]): Promise<string[]> => {
    const before = textsOf(t.graph.requests, from).length;
    expect((await t.post(webhookBody(part))).status).toBe(200);
    await t.quiet();
    return textsOf(t.graph.requests, from).slice(before);
  };
  const say = (from: string, body: string) => exchange(from, textMessage({ from, body, name: NAME }));
  const tap = (from: string, id: string, title: string) => exchange(from, buttonReply({ from, id, title, name: NAME }));

  it('answers a Wolof greeting with the Wolof welcome and its Wolof buttons', async () => {
    const from = '221775560001';
    expect(await say(from, 'Nanga def')).toEqual([withButtons(wolof.welcome(NAME), wolof.buttons, HOME)]);
    expect(wolof.welcome(NAME)).toMatch(/^Dalal ak jàmm Awa! 👋/);
    // Wolof from then on: the help in Wolof, its buttons titled in Wolof.
    expect(await say(from, 'ndimbal')).toEqual([withButtons(wolof.help, wolof.buttons, ['menu', 'contact', 'langue'])]);
  });

  it('answers an English greeting in English, and a French one in French (the default)', async () => {
    expect(await say('221775560002', 'Hello')).toEqual([withButtons(english.welcome(NAME), english.buttons, HOME)]);
    const [french] = await say('221775560003', 'Comment déclarer un salarié ?');
    expect(french).toBe(withButtons(texts.welcome(NAME), texts.buttons, HOME));
  });

  it('switches to English with `language` and a tap, and back to French with `langue`', async () => {
    const from = '221775560004';
    await say(from, 'bonjour');
    expect(await say(from, 'language')).toEqual([withButtons(texts.languageChoice, texts.buttons, LANGUAGES)]);
    expect(await tap(from, 'english', 'English')).toEqual([withButtons(english.languageChosen, english.buttons, HOME)]);
    expect(await say(from, 'help')).toEqual([withButtons(english.help, english.buttons, ['menu', 'contact', 'langue'])]);
    expect(await say(from, 'langue')).toEqual([withButtons(english.languageChoice, english.buttons, LANGUAGES)]);
    expect(await say(from, 'Français')).toEqual([withButtons(texts.languageChosen, texts.buttons, HOME)]);
    expect(await say(from, 'aide')).toEqual([withButtons(texts.help, texts.buttons, ['menu', 'contact', 'langue'])]);
  });

  it('keeps the chosen language across a session expiry: a returning user is greeted back in it', async () => {
    const from = '221775560005';
    await say(from, 'bonjour');
    await say(from, 'làkk');
    await tap(from, 'wolof', 'Wolof');
    const conversation = `${t.config.keyPrefix}{${DEFAULT_PHONE_NUMBER_ID}:${from}}:conv`;
    await eventually(async () => (await redis.exists(conversation)) === 0, 3000);
    // A French greeting would make a new user French: the remembered choice wins.
    expect(await say(from, 'bonjour')).toEqual([withButtons(wolof.welcomeBack(NAME), wolof.buttons, HOME)]);
  });

  it('tells an English speaker once, in English, that the CSS answers in French', async () => {
    const from = '221775560006';
    await say(from, 'hi');
    const [first] = await say(from, 'How do I declare an employee?');
    expect(first).toBe(withButtons(english.answersInFrench('Réponse CSS à : How do I declare an employee?'), english.buttons, HOME));
    expect(first).toMatch(/^ℹ️ The CSS writes its answers in French\.\n\nRéponse CSS à : How do I declare an employee\?/);
    const [second] = await say(from, 'And a self-employed worker?');
    expect(second).toMatch(/^Réponse CSS à : And a self-employed worker\?/);
  });

  it('shows conversations by language on the flow page counts and in the analytics', async () => {
    const admin = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    await say('221775560007', 'Nanga def');
    await say('221775560008', 'Hello');
    await say('221775560009', 'Bonjour');
    const { counts } = (await (await fetch(`${t.server.url}/admin/flows/counts.json`, admin)).json()) as {
      counts: { machineId: string; state: string; byLocale?: Record<string, number> }[];
    };
    const idle = counts.find((row) => row.machineId === 'css-assistant' && row.state === 'dialog.idle');
    expect(idle?.byLocale?.['wo']).toBeGreaterThanOrEqual(1);
    const stats = (await (await fetch(`${t.server.url}/admin/stats`, admin)).json()) as { conversationsByLocale: Record<string, number> };
    // Each user once, in the language of their latest message (other tests of this suite add to these).
    expect(stats.conversationsByLocale['wo']).toBeGreaterThanOrEqual(1);
    expect(stats.conversationsByLocale['en']).toBeGreaterThanOrEqual(1);
    expect(stats.conversationsByLocale['fr']).toBeGreaterThanOrEqual(1);
  });
});
