import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { categories, cssAssistant } from '../../machines/css-assistant/index.js';
import { startCssStandIn, type CssStandIn } from '../support/css-stand-in.js';
import { eventually } from '../support/eventually.js';
import { spawnChat, type SpawnedChat } from './spawn-chat.js';
import { createWatchProject, type WatchProject } from './watch-project.js';

let css: CssStandIn;
let project: WatchProject | undefined;
let bot: SpawnedChat | undefined;

beforeAll(async () => {
  css = await startCssStandIn();
});
afterEach(() => {
  bot?.kill();
  project?.remove();
});
afterAll(() => css.close());

/** What the chat printed after the last reload notice (↻ or ✗), once the check's verdict follows it. */
const afterReload = (chat: SpawnedChat, count: number): Promise<string> =>
  eventually(() => {
    const parts = chat.stdout().split(/\n(?=↻|✗ machines)/);
    const last = parts[count];
    if (last === undefined || !/(✓|✗) check|✗ machines/.test(last)) throw new Error(`no reload ${count} yet:\n${chat.stdout()}`);
    return last;
  }, 20_000);

// npm run chat -- --watch: a designer saves a text and sees it where they were, without typing again.
describe('npm run chat -- --watch', () => {
  it('rebuilds on save, replays the session to where the designer was, and runs the check', async () => {
    project = createWatchProject();
    bot = spawnChat(['--watch'], { CSS_API_URL: css.url }, project.root);
    expect(await bot.ready()).toContain('Watching machines/');
    await bot.say('bonjour');
    await bot.say('/tap Menu');
    await bot.say('Quelle est la date de paiement ?');
    await bot.say('menu');
    const asked = css.questions.length;

    project.edit('css-assistant/locales/fr.ftl', (text) => text.replace('*Menu* : choisissez un thème.', '*Menu* : touchez un thème.'));
    const reload = await afterReload(bot, 1);
    expect(reload).toMatch(
      new RegExp(`^↻ machines/css-assistant/locales/fr\\.ftl saved: css-assistant v${cssAssistant.version} rebuilt, 4 message\\(s\\) replayed in \\d+\\.\\d\\d s — state: dialog\\.menu,question\\.ready\n`),
    );
    expect(reload).toContain('> menu\n📋 *Menu* : touchez un thème.');
    expect(reload).toMatch(/✓ check: no problem/);
    // The CSS API's answer was replayed from memory, not asked again.
    expect(css.questions.length).toBe(asked);
    // The session goes on in the new version.
    expect(await bot.say('/tap 2')).toContain(`1. ${categories[1]!.topics[0]!.title}`);
  }, 60_000);

  it('says in one line when a saved file does not build, and goes on with the previous version', async () => {
    project = createWatchProject();
    bot = spawnChat(['--watch'], { CSS_API_URL: css.url }, project.root);
    await bot.ready();
    await bot.say('menu');
    project.edit('css-assistant/texts.ts', (text) => text.replace("nudge: t('nudge'),", "nudge: t('nudge') 'là',"));
    const failed = await afterReload(bot, 1);
    expect(failed).toMatch(/^✗ machines\/css-assistant\/texts\.ts: machines\/css-assistant\/texts\.ts:\d+:\d+: ',' expected\. \(the chat goes on with the previous version\)\n/);
    expect(await bot.say('/tap 1')).toContain(`1. ${categories[0]!.topics[0]!.title}`);
  }, 60_000);

  it('reports a text over a WhatsApp limit in one readable line, and the check names its key', async () => {
    project = createWatchProject();
    bot = spawnChat(['--watch'], { CSS_API_URL: css.url }, project.root);
    await bot.ready();
    await bot.say('aide');
    project.edit('css-assistant/locales/fr.ftl', (text) => text.replace('button-menu = Menu', 'button-menu = Toutes les questions fréquentes'));
    const reload = await afterReload(bot, 1);
    expect(reload).toContain('⚠️  not delivered, WhatsApp would refuse it: buttons[0].title is 31 long, the Cloud API allows 20 (npm run check names the text)\n');
    expect(reload).toMatch(/› buttons\[0\]\.title: 31 characters, the Cloud API allows 20 \(text texts\.buttons\.menu\): shorten it/);
    expect(bot.stderr()).not.toMatch(/[{}]|\n\s+at /);
  }, 60_000);
});
