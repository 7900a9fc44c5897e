import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { textMessage, webhookBody } from '../../builders/payloads.js';
import { eventually } from '../../support/eventually.js';
import { ADMIN_TOKEN, startAdminStand, type AdminStand } from './admin-stand.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CSS_STATES = ['welcome', 'idle', 'menu', 'category', 'help', 'contact', 'asking'];
/** The page refreshes every 3 s: a count must change within a few refreshes. */
const REFRESH_DEADLINE_MS = 15_000;

/** What the page shows, read from its DOM. */
const countOf = (page: Page, state: string) =>
  page.locator(`section[data-machine-id="css-assistant"] tr[data-state="${state}"] td.count`).textContent();
const svgTexts = (page: Page) => page.locator('section[data-machine-id="css-assistant"] .diagram svg').textContent();
/** Where the screenshots of each machine's section are written, for a person to look at. */
const SCREENSHOTS = fileURLToPath(new URL('../../../dist/screenshots', import.meta.url));
const percent = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));
/** An element measured or styled in the page. */
interface Measured {
  getBoundingClientRect(): { readonly height: number };
  readonly style: { readonly transform: string };
}
/** The little of the DOM read here (the project compiles without the DOM library). */
interface DomNode {
  readonly textContent: string | null;
  cloneNode(deep: boolean): DomNode;
  querySelector(selector: string): DomNode | null;
  remove(): void;
}

/** The highlighted states of the diagram, as `<label>=<badge count>`. */
const liveNodes = (page: Page) =>
  page.locator('section[data-machine-id="css-assistant"] .diagram svg g.live').evaluateAll((nodes: DomNode[]) =>
    nodes.map((node) => {
      const label = node.cloneNode(true);
      label.querySelector('.count-badge')?.remove();
      return `${label.textContent ?? ''}=${node.querySelector('.count-badge text')?.textContent ?? 'no badge'}`;
    }),
  );

describe('flow page in headless Chromium', () => {
  let t: AdminStand;
  let browser: Browser;
  /** Every request the page made, every answer ≥ 400, and every error it reported (script errors, CSP violations). */
  const requests: string[] = [];
  const failures: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    t = await startAdminStand({ adminToken: ADMIN_TOKEN });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openPage(headers: Record<string, string> = {}): Promise<Page> {
    const context = await browser.newContext({ extraHTTPHeaders: headers });
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => void (response.status() >= 400 && failures.push(`${response.status()} ${response.url()}`)));
    // Failed loads are checked through `failures`, where the expected 401 of the login page can be told apart.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  }

  it('draws each state, shows its count and follows a conversation moved by a webhook', async () => {
    const from = '221770000501';
    expect((await t.post(webhookBody(textMessage({ from, body: 'Bonjour' })))).status).toBe(200);
    await eventually(async () => (await t.pipeline.countByState()).some((row) => row.state === 'dialog.idle' && row.count === 1));

    const page = await openPage({ authorization: `Bearer ${ADMIN_TOKEN}` });
    const response = await page.goto(`${t.url}/admin/flows`);
    expect(response?.status()).toBe(200);
    await page.locator('section[data-machine-id="css-assistant"] .diagram svg').waitFor({ timeout: 20_000 });
    const drawn = await svgTexts(page);
    for (const state of CSS_STATES) expect(drawn).toContain(state);
    expect(await countOf(page, 'dialog.idle')).toBe('1');
    expect(await countOf(page, 'dialog.menu')).toBe('0');
    await eventually(async () => (expect(await liveNodes(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^idle.*=1$/)])), true));

    expect((await t.post(webhookBody(textMessage({ from, body: 'menu' })))).status).toBe(200);
    await eventually(async () => (expect(await countOf(page, 'dialog.menu')).toBe('1'), true), REFRESH_DEADLINE_MS, 100);
    expect(await countOf(page, 'dialog.idle')).toBe('0');
    await eventually(async () => (expect(await liveNodes(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^menu.*=1$/)])), true), 5000, 100);
    expect(await page.locator('#total').textContent()).toBe('1 conversation en cours.');

    expect(requests.filter((url) => !url.startsWith(`${t.url}/`))).toEqual([]);
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('draws each machine at a readable size at 1280 × 800, with zoom and pan, arrows labelled with what users send', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.url}/admin/flows`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const id of ['css-assistant', 'pension-status']) {
      const section = page.locator(`section[data-machine-id="${id}"]`);
      await section.locator('.diagram svg').waitFor({ timeout: 20_000 });
      // Labels at least 12 px high on screen: readable without zooming.
      const heights = await section.locator('.diagram svg .edgeLabel, .diagram svg g.node text').evaluateAll((nodes: Measured[]) =>
        nodes.map((node) => node.getBoundingClientRect().height).filter((height) => height > 1),
      );
      expect(heights.length).toBeGreaterThan(5);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
      await section.screenshot({ path: `${SCREENSHOTS}/flows-${id}.png` });
    }
    const css = page.locator('section[data-machine-id="css-assistant"]');
    expect(await css.locator('.diagram svg').textContent()).toContain('tap Aide ⇒ texts.help');
    // Zoom in, pan, then see the whole diagram.
    const level = css.locator('.zoom-level');
    const before = await level.textContent();
    await css.locator('button[data-zoom="in"]').click();
    expect(percent(await level.textContent())).toBeGreaterThan(percent(before));
    const transform = () => css.locator('.diagram').evaluate((node: Measured) => node.style.transform);
    const moved = await transform();
    const box = await css.locator('.viewport').boundingBox();
    if (!box) throw new Error('no viewport');
    await page.mouse.move(box.x + 300, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 150, box.y + 120, { steps: 5 });
    await page.mouse.up();
    expect(await transform()).not.toBe(moved);
    await css.locator('button[data-zoom="fit"]').click();
    expect(percent(await level.textContent())).toBeLessThan(percent(before));
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('lets a browser without the header log in through the form', async () => {
    failures.length = 0;
    const page = await openPage();
    const refused = await page.goto(`${t.url}/admin/flows`);
    expect(refused?.status()).toBe(401);
    await page.fill('#token', ADMIN_TOKEN);
    await Promise.all([page.waitForURL(`${t.url}/admin/flows`), page.click('button[type="submit"]')]);
    await page.locator('section[data-machine-id="css-assistant"] .diagram svg').waitFor({ timeout: 20_000 });
    expect(await page.locator('#status').textContent()).toMatch(/^Mis à jour à /);
    const cookies = await page.context().cookies();
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([
      { name: 'wa_admin_session', httpOnly: true, sameSite: 'Strict' },
    ]);
    expect(failures).toEqual([`401 ${t.url}/admin/flows`]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
