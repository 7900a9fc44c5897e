import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { chromium } from 'playwright-core';
import { InspectPortInUseError, STATELY_INSPECTOR_URL, startInspectRelay } from '../../src/inspection/inspect-relay.js';
import { spawnChat } from '../chat/spawn-chat.js';
import { eventually } from '../support/eventually.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('INSPECT=local relay', () => {
  it('explains a port already in use in one line', async () => {
    const first = await startInspectRelay(0);
    const port = Number(new URL(first.pageUrl).port);
    try {
      const clash = await startInspectRelay(port).catch((error: unknown) => error);
      expect(clash).toBeInstanceOf(InspectPortInUseError);
      expect((clash as Error).message).toBe(
        `INSPECT=local: port ${port} on 127.0.0.1 is already in use (another npm start or npm run chat with INSPECT=local?): ` +
          'set INSPECT_PORT to a free port, or INSPECT_PORT=0 for any',
      );
      // The chat says it in that one line too, and exits 1.
      const chat = spawnChat([], { INSPECT: 'local', INSPECT_PORT: String(port) });
      expect(await chat.exited).toBe(1);
      expect(chat.stderr()).toBe(`✗ ${(clash as Error).message}\n`);
    } finally {
      await first.close();
    }
  });

  it('prints the page to open as a plain line', async () => {
    const chat = spawnChat([], { INSPECT: 'local', INSPECT_PORT: '0' });
    try {
      await chat.ready();
      expect(chat.stderr()).toMatch(/^XState inspector: open http:\/\/127\.0\.0\.1:\d+ in a browser \(its page loads Stately's inspector UI from the internet\)$/m);
      chat.end();
      expect(await chat.exited).toBe(0);
    } finally {
      chat.kill();
    }
  });

  it('tells the designer, when the inspector UI cannot load, that it needs the internet', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    const relay = await startInspectRelay(0);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      // As offline: nothing leaves this machine.
      await page.route(`${new URL(STATELY_INSPECTOR_URL).origin}/**`, (route) => route.abort('internetdisconnected'));
      await page.goto(relay.pageUrl);
      const notice = page.locator('#offline');
      await eventually(() => notice.isVisible(), 20_000);
      expect(await notice.textContent()).toContain('it needs internet access');
    } finally {
      await browser.close();
      await relay.close();
    }
  }, 40_000);
});
