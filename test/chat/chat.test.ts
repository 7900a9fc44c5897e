import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { categories, cssAssistant } from '../../machines/css-assistant/index.js';
import { startCssStandIn, type CssStandIn } from '../support/css-stand-in.js';
import { eventually } from '../support/eventually.js';
import { startWsRelayStandIn } from '../support/ws-relay-stand-in.js';
import { spawnChat, type SpawnedChat } from './spawn-chat.js';

let css: CssStandIn;
const spawned: SpawnedChat[] = [];
const chat = (args: readonly string[] = [], env: Record<string, string> = {}): SpawnedChat => {
  const started = spawnChat(args, { CSS_API_URL: css.url, CSS_API_TIMEOUT_MS: '5000', ...env });
  spawned.push(started);
  return started;
};

beforeAll(async () => {
  css = await startCssStandIn();
});
afterEach(() => {
  for (const child of spawned.splice(0)) child.kill();
});
afterAll(() => css.close());

describe('npm run chat', () => {
  it('talks to the default machine: numbered choices, taps by number and title, questions, /state, /reset', async () => {
    const bot = chat();
    const banner = await bot.ready();
    expect(banner).toContain(`css-assistant v${cssAssistant.version}`);
    expect(banner).toContain(`CSS_API_URL: ${css.url}`);
    expect(banner).toMatch(/\/tap.*\/state.*\/reset.*\/quit/);
    expect(banner).toContain('memory only');

    const welcome = await bot.say('bonjour');
    expect(welcome).toContain('Bienvenue');
    expect(welcome).toContain('  1) Menu\n  2) Aide\n  3) Contact\n');

    const menu = await bot.say('/tap 1');
    expect(menu).toContain('→ Menu');
    expect(menu).toContain('[Voir les thèmes]\n  Thèmes:\n  1) Cotisations — ');
    expect(menu).toContain('  3) Démarches — ');

    const category = await bot.say('/tap DEMARCHES');
    expect(category).toContain('→ Démarches');
    expect(category).toContain('[Voir les questions]');
    expect(category).toMatch(/^ {2}1\) \S/m);

    const answer = await bot.say('Comment déclarer un salarié ?');
    expect(answer).toContain('Réponse CSS à : Comment déclarer un salarié ?');
    expect(css.questions).toContain('Comment déclarer un salarié ?');

    const state = await bot.say('/state');
    expect(state).toMatch(/^state: dialog\.category,question\.ready$/m);
    expect(state).toContain('"question": "Comment déclarer un salarié ?"');
    expect(state).toContain(`(css-assistant v${cssAssistant.version})`);

    expect(await bot.say('/reset')).toContain('New conversation');
    expect(await bot.say('/state')).toContain('No conversation yet');
    expect(await bot.say('bonjour')).toContain('Bienvenue');

    bot.end();
    expect(await bot.exited).toBe(0);
  });

  it('lets the person at the terminal answer as the live agent, and hand the user back where they were', async () => {
    const bot = chat();
    await bot.ready();
    await bot.say('bonjour');
    await bot.say('menu');
    const handoff = await bot.say('je veux parler à un conseiller');
    expect(handoff).toContain('Je transmets votre demande à un conseiller');
    expect(handoff).toContain('🧑‍💼 (to the agent) Demande de conseiller : « je veux parler à un conseiller »');
    expect(await bot.say('Ma rente est en retard')).toContain('🧑‍💼 (to the agent) Ma rente est en retard');
    expect(await bot.say('/agent Je regarde votre dossier.')).toContain('Je regarde votre dossier.');
    expect(await bot.say('/state')).toMatch(/^state: dialog\.withAgent\.quiet,question\.ready$/m);
    const back = await bot.say('/resolve');
    expect(back).toContain('vous êtes de nouveau avec l’assistant automatique');
    expect(back).toContain('[Voir les thèmes]');
    expect(await bot.say('/state')).toMatch(/^state: dialog\.menu,question\.ready$/m);
    expect(await bot.say('/agent')).toContain('usage: /agent');
    bot.end();
    expect(await bot.exited).toBe(0);
  });

  it('plays piped input in order and prints the same transcript every time', async () => {
    const script = ['salut', '/tap 1', '/tap 2', '/tap 1', '/reset', 'contact', '/tap 3', 'menu'];
    const run = async (): Promise<string> => {
      const bot = chat();
      bot.write(`${script.join('\n')}\n`);
      bot.end();
      expect(await bot.exited).toBe(0);
      return bot.stdout();
    };
    const first = await run();
    expect(await run()).toBe(first);
    const inOrder = ['> salut\n', 'Bienvenue', '> /tap 1\n→ Menu\n', `> /tap 2\n→ ${categories[1]!.title}\n`, `> /tap 1\n→ ${categories[1]!.topics[0]!.title}\n`,
      'Réponse CSS à : ', '> /reset\n— New conversation', '> contact\n', 'Bienvenue', '📞', '> /tap 3\n→ Aide\n', 'ℹ️',
      '> menu\n', '[Voir les thèmes]'];
    let cursor = 0;
    for (const mark of inOrder) {
      cursor = first.indexOf(mark, cursor);
      expect({ mark, found: cursor >= 0 }).toEqual({ mark, found: true });
    }
  });

  it('sends a typed digit as text, as a phone does, and says plainly when a tap names no choice', async () => {
    const bot = chat();
    await bot.ready();
    await bot.say('menu');
    // "2" typed under the menu is the text "2": the machine reads it as the row number.
    const typed = await bot.say('2');
    expect(typed).not.toContain('→');
    const [topic] = categories[1]!.topics;
    expect(typed).toContain(`1. ${topic!.title}`);
    expect(await bot.say('/tap 9')).toContain(`⚠️  no choice "9" here: 1) ${topic!.title} [${topic!.id}], `);
    bot.end();
    expect(await bot.exited).toBe(0);
  });

  it('leaves on /quit even with lines left to read', async () => {
    const bot = chat();
    await bot.ready();
    bot.write('/quit\nbonjour\n');
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).not.toContain('Bienvenue');
  });

  it('lists the machines and exits 1 for an unknown machine', async () => {
    const bot = chat(['no-such-machine']);
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('Unknown machine "no-such-machine"');
    expect(bot.stderr()).toContain('  css-assistant — ');
  });

  it('starts in the language given with --lang, whatever the greeting, and refuses an unknown one', async () => {
    const bot = chat(['--lang', 'wo', 'css-assistant']);
    expect(await bot.ready()).toContain('Language: wo');
    const welcome = await bot.say('bonjour');
    expect(welcome).toContain('Dalal ak jàmm');
    expect(welcome).toContain('  1) Menu\n  2) Ndimbal\n  3) Jokkoo\n');
    const english = chat(['--lang=en']);
    await english.ready();
    expect(await english.say('bonjour')).toContain('Welcome');
    const wrong = chat(['--lang', 'de']);
    expect(await wrong.exited).toBe(1);
    expect(wrong.stderr()).toContain('Unknown language "de": --lang takes one of fr, en, wo.');
  });

  it('shows the conversation in the XState inspector with INSPECT, masked as on the server', async () => {
    const relay = await startWsRelayStandIn();
    const { received } = relay;
    try {
      const bot = chat([], { INSPECT: relay.url });
      await bot.ready();
      expect(await bot.say('Quelle est la date de paiement des pensions ?')).toContain('Réponse CSS');
      await eventually(() => received.some((m) => m.includes('"user.text"')) && received.some((m) => m.includes('"idle"')), 5000);
      const all = received.join('\n');
      expect(all).toContain('@xstate.snapshot');
      expect(all).toMatch(/"name":"conv:[0-9a-f]{12}"/);
      expect(all).not.toContain('date de paiement');
      bot.end();
      expect(await bot.exited).toBe(0);
    } finally {
      await relay.close();
    }
  });
});
