import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createMachine } from 'xstate';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import { escapeHtml, html } from '../../../src/http/admin/html.js';
import type { StateCount } from '../../../src/ports/conversation-pipeline.js';
import { ADMIN_TOKEN, startAdminStand, type AdminStand } from './admin-stand.js';

const hostile: MachineDefinition = {
  id: 'hostile<script>alert(1)</script>',
  version: 2,
  description: '<img src=x onerror=alert(1)> & "quotes"',
  machine: createMachine({ id: 'hostile', initial: 'start', states: { start: { on: { go: '<b>bold</b>' } }, '<b>bold</b>': {} } }),
};

describe('flow page', () => {
  let t: AdminStand | undefined;
  afterEach(async () => t?.close());

  it('escapes machine ids, descriptions, state names and counts it did not write', async () => {
    const counts: StateCount[] = [{ machineId: hostile.id, state: '"><svg onload=alert(1)>', count: 2 }];
    t = await startAdminStand({
      adminToken: ADMIN_TOKEN,
      machines: { [hostile.id]: hostile },
      census: { countByState: async () => counts },
      worker: false,
    });
    const page = await (await t.fetch('/admin/flows')).text();
    expect(page).not.toMatch(/<script>alert|<img|<svg|<b>bold/);
    expect(page).toContain('hostile&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(page).toContain('<tr data-state="&lt;b&gt;bold&lt;/b&gt;" class="">');
    expect(page).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt; (absent du diagramme)');
    expect(page).toContain('2 conversations en cours.');
  });

  it('shows every machine with its version, description, diagram source and a row per resting state', async () => {
    t = await startAdminStand({ adminToken: ADMIN_TOKEN, worker: false });
    const page = await (await t.fetch('/admin/flows')).text();
    expect(page).toMatch(/<h2>css-assistant <small>version \d+<\/small><\/h2>/);
    expect(page).toContain('<pre class="diagram-source" hidden>stateDiagram-v2');
    expect(page).toContain('&quot;dialog.welcome&quot;:&quot;welcome&quot;');
    expect(page).toContain('data-counted-in="dialog"');
    // Every message is billed: each arrow says how many it sends, the welcome before an answer two.
    expect(page).toContain('dialog_any --&gt; help : “aide svp” · tap Aide ⇒ texts.help ✉1');
    expect(page).toMatch(/welcome --&gt; idle : .*anything else ⇒ texts\.welcome, [^<]*✉2/);
    expect(page).toContain('✉2 : la transition envoie 2 messages');
    // The CSS assistant has two regions: where the user is, and what is with the CSS.
    for (const state of ['dialog.welcome', 'dialog.idle', 'dialog.menu', 'dialog.category', 'dialog.help', 'dialog.contact', 'question.ready', 'question.waiting.asking']) {
      expect(page).toContain(`<tr data-state="${state}" class=""><td>${state}</td><td class="count">0</td><td class="locales"></td></tr>`);
    }
    expect(page).toMatch(/<script src="\/admin\/assets\/mermaid\.min\.js\?v=[\d.]+"><\/script>/);
    expect(page).not.toMatch(/<script>|https?:\/\//);
  });

  it('shows each state’s conversations by language, on the page and in counts.json', async () => {
    const counts: StateCount[] = [{ machineId: 'css-assistant', state: 'dialog.idle', count: 3, byLocale: { wo: 2, fr: 1 } }];
    t = await startAdminStand({ adminToken: ADMIN_TOKEN, worker: false, census: { countByState: async () => counts } });
    const page = await (await t.fetch('/admin/flows')).text();
    expect(page).toContain('<th>Par langue</th>');
    expect(page).toContain('<tr data-state="dialog.idle" class="live"><td>dialog.idle</td><td class="count">3</td><td class="locales">fr 1 · wo 2</td></tr>');
    expect(await (await t.fetch('/admin/flows/counts.json')).json()).toMatchObject({ counts });
    expect(await (await t.fetch('/admin/assets/flows.js')).text()).toContain("querySelector('.locales')");
  });

  it('says when the store does not answer, on the page and with 503 on counts.json', async () => {
    const census = { countByState: () => Promise.reject(new Error('store down')) };
    t = await startAdminStand({ adminToken: ADMIN_TOKEN, census, worker: false });
    const page = await t.fetch('/admin/flows');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Comptes indisponibles pour le moment.');
    const counts = await t.fetch('/admin/flows/counts.json');
    expect(counts.status).toBe(503);
    expect(await counts.json()).toEqual({ error: 'the store does not answer' });
  });

  it('serves Mermaid from node_modules and the page script, versioned and cached for a year', async () => {
    t = await startAdminStand({ adminToken: ADMIN_TOKEN, worker: false });
    const mermaid = await t.fetch('/admin/assets/mermaid.min.js?v=1');
    expect(mermaid.status).toBe(200);
    expect(mermaid.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(mermaid.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const file = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
    expect((await mermaid.arrayBuffer()).byteLength).toBe(statSync(file).size);
    const script = await t.fetch('/admin/assets/flows.js');
    expect(await script.text()).toContain("fetch(countsUrl, { credentials: 'same-origin'");
    expect((await t.fetch('/admin/assets/../../package.json')).status).toBe(404);
    expect((await t.fetch('/admin/assets/mermaid.js')).status).toBe(404);
    expect((await t.fetch('/admin/assets/mermaid.min.js', { bearer: null })).status).toBe(401);
  });
});

describe('html', () => {
  it('escapes what it interpolates, joins arrays, and keeps what html built', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const items = ['<i>', 'b'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}${undefined}${false}${0}</ul>`.value).toBe('<ul><li>&lt;i&gt;</li><li>b</li>0</ul>');
  });
});
