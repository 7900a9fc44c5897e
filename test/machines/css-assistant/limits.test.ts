import { describe, expect, it } from '@jest/globals';
import { fromPromise } from 'xstate';
import { categories, cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import type { MediaQuestionInput } from '../../../machines/css-assistant/media.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { WHATSAPP_LIMITS as L } from '../../../src/domain/whatsapp-limits.js';
import { MediaRejectedError } from '../../../src/domain/media-question.js';
import { AnswerUnavailableError } from '../../../src/domain/errors.js';
import { choice, media, other, runMachine, text } from '../run-machine.js';

/** Every way `message` breaks a Cloud API limit (lengths in UTF-16 units: stricter than Meta's characters). */
function violations(message: OutboundMessage): string[] {
  const found: string[] = [];
  const check = (field: string, value: string | undefined, max: number) => {
    if (value !== undefined && (value.trim() === '' || value.length > max)) found.push(`${field}: ${value.length} > ${max}`);
  };
  const unique = (field: string, values: readonly string[]) => {
    if (new Set(values).size !== values.length) found.push(`${field} not unique`);
  };
  if (message.type === 'text') {
    check('text', message.text, L.textBody);
    return found;
  }
  check('body', message.body, L.interactiveBody);
  check('header', message.header, L.header);
  check('footer', message.footer, L.footer);
  if (message.type === 'buttons') {
    if (message.buttons.length < 1 || message.buttons.length > L.buttons) found.push(`buttons: ${message.buttons.length}`);
    message.buttons.forEach((b, i) => (check(`buttons[${i}].id`, b.id, L.buttonId), check(`buttons[${i}].title`, b.title, L.buttonTitle)));
    unique('button titles', message.buttons.map((b) => b.title));
    unique('button ids', message.buttons.map((b) => b.id));
    return found;
  }
  check('button', message.button, L.listButton);
  const rows = message.sections.flatMap((s) => s.rows);
  if (message.sections.length < 1 || message.sections.length > L.listSections) found.push('sections count');
  if (rows.length < 1 || rows.length > L.listRows) found.push(`rows: ${rows.length}`);
  message.sections.forEach((s, i) => check(`sections[${i}].title`, s.title, L.sectionTitle));
  rows.forEach((r, i) => {
    check(`rows[${i}].id`, r.id, L.rowId);
    check(`rows[${i}].title`, r.title, L.rowTitle);
    check(`rows[${i}].description`, r.description, L.rowDescription);
  });
  unique('row ids', rows.map((r) => r.id));
  return found;
}

const topics = categories.flatMap((c) => c.topics);
let at = 1000;
const next = () => (at += 1000);

/** A script that visits every state and emits every kind of reply the machine has. */
const tour: UserEvent[] = [
  text('bonjour', next(), 'Nom '.repeat(300)),
  text('menu', next()),
  ...categories.flatMap((_, n) => [text(String(n + 1), next()), text('/menu', next())]),
  ...categories.map((c) => choice(c.id, next())),
  ...topics.map((t) => choice(t.id, next())),
  text('aide', next()),
  choice('contact', next()),
  text('salut', next()),
  ...['merci', 'ok', 'au revoir', '?', 'pension', 'réessayer', 'retour', '0', '0', '42'].map((t) => text(t, next())),
  media(next()),
  ...['photo', 'type', 'size', 'panne'].map((caption): UserEvent => ({ type: 'user.media', media: 'image', mediaId: caption, caption, at: next() })),
  { type: 'user.media', media: 'document', mediaId: 'pdf', mimeType: 'application/pdf', at: next() },
  { type: 'user.media', media: 'audio', mediaId: 'voice', at: next() },
  other(next()),
  text('panne', next()),
  text('panne', next()),
  text('lente', next()),
  text('vide', next()),
  text('longue', next()),
  choice('inconnu', next()),
  // The language choice, and back to French.
  text('langue', next()),
  choice('francais', next()),
];

describe('css-assistant: WhatsApp limits', () => {
  it('every message of a tour through every state respects the Cloud API limits', async () => {
    const askAboutMedia = fromPromise<string, MediaQuestionInput>(async ({ input }) => {
      if (input.question === 'type' || input.question === 'size') throw new MediaRejectedError(input.question, 'refused');
      if (input.question === 'panne') throw new Error('CSS down');
      return `Réponse sur le fichier : ${input.question}`;
    });
    const withMedia = { ...cssAssistant, machine: cssAssistant.machine.provide({ actors: { askAboutMedia } }) };
    const steps = await runMachine(withMedia, tour, {
      answer: (q) => {
        if (q === 'panne') throw new Error('CSS down');
        if (q === 'lente') throw new AnswerUnavailableError('timeout', 'slow');
        return q === 'vide' ? '' : q === 'longue' ? 'Une phrase de réponse. '.repeat(400) : `Réponse : ${q}`;
      },
    });
    const messages = steps.flatMap((s) => s.replies);
    expect(messages.length).toBeGreaterThan(tour.length);
    expect(messages.map((m) => [m.type === 'text' ? m.text.slice(0, 30) : m.body.slice(0, 30), violations(m)]).filter(([, v]) => v!.length > 0)).toEqual([]);

    const visited = new Set(steps.map((s) => JSON.stringify(s.value)));
    // The handoff (and its history state) has its own tests: handoff.test.ts.
    const dialogStates = Object.keys(cssAssistant.machine.root.states.dialog?.states ?? {}).filter((k) => !['welcome', 'hist', 'withAgent'].includes(k));
    expect([...visited].sort()).toEqual(dialogStates.map((k) => JSON.stringify({ dialog: k, question: 'ready' })).sort());
  });

  it('the checker itself catches a broken message', () => {
    const bad: OutboundMessage = { type: 'buttons', body: 'ok', buttons: [{ id: 'a', title: 'x'.repeat(21) }, { id: 'a', title: ' ' }] };
    expect(violations(bad)).toEqual(['buttons[0].title: 21 > 20', 'buttons[1].title: 1 > 20', 'button ids not unique']);
  });

  it.each(['bonjour', 'menu', 'aide', 'contact', 'Une question ?'])('the welcome after %j respects them too', async (first) => {
    const [step] = await runMachine(cssAssistant, [text(first, 1000, 'X'.repeat(2000))]);
    expect(step!.replies.flatMap(violations)).toEqual([]);
  });

  it('the menu content fits: every list holds its entries and a way back, ids are unique, the contract ids are there', () => {
    expect(categories.map((c) => c.id)).toEqual(expect.arrayContaining(['cotisations', 'prestations', 'procedures', 'documents']));
    expect(categories.length + 1).toBeLessThanOrEqual(L.listRows);
    for (const category of categories) {
      expect(category.topics.length + 1).toBeLessThanOrEqual(L.listRows);
      for (const topic of category.topics) expect(topic.question).toMatch(/\?$/);
    }
    const ids = [...categories.map((c) => c.id), ...topics.map((t) => t.id), ...Object.keys(texts.buttons)];
    expect(new Set(ids).size).toBe(ids.length - 1); // the [pensions] button opens the pensions category
  });

  it('has topics for employees and mothers, not only employers, and a category for pensions and rents', () => {
    const titles = topics.map((t) => `${t.title} ${t.description} ${t.question}`).join('\n');
    expect(titles).toMatch(/salarié peut-il vérifier/);
    expect(titles).toMatch(/enceinte/);
    expect(categories.some((c) => /pension/i.test(c.title) && c.topics.some((t) => /rente/i.test(t.question)))).toBe(true);
  });
});
