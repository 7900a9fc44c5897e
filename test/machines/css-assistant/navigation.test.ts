import { describe, expect, it } from '@jest/globals';
import { categories, cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { choice, runMachine, text } from '../run-machine.js';

/** Plays `events` after a greeting (so the welcome is out of the way) and returns their steps. */
async function after(events: readonly UserEvent[], answer?: (q: string) => string) {
  const steps = await runMachine(cssAssistant, [text('bonjour', 1000), ...events], { answer });
  return steps.slice(1);
}
const rowIds = (message: OutboundMessage | undefined) =>
  message?.type === 'list' ? message.sections.flatMap((s) => s.rows.map((r) => r.id)) : [];
const buttonIds = (message: OutboundMessage | undefined) =>
  message?.type === 'buttons' ? message.buttons.map((b) => b.id) : [];

describe('css-assistant: commands and menus', () => {
  it.each(['aide', 'Aide', '/aide', 'AIDE', ' aidé ', 'help', '/Help'])('%j shows the help', async (command) => {
    const [step] = await after([text(command, 2000)]);
    expect(step!.replies).toEqual([{ type: 'buttons', body: texts.help, buttons: expect.any(Array) }]);
    expect(buttonIds(step!.replies[0])).toEqual(['menu', 'contact']);
    expect(step!.value).toBe('help');
  });

  it.each(['menu', 'MENU', ' Menu ', '/menu', 'Ménu'])('%j shows the four categories', async (command) => {
    const [step] = await after([text(command, 2000)]);
    expect(step!.replies).toHaveLength(1);
    expect(rowIds(step!.replies[0])).toEqual(['cotisations', 'prestations', 'procedures', 'documents']);
    expect(step!.value).toBe('menu');
  });

  it.each(['contact', 'Contact', '/CONTACT', 'contacts'])('%j shows the contact details', async (command) => {
    const [step] = await after([text(command, 2000)]);
    expect(step!.replies).toEqual([{ type: 'buttons', body: texts.contact, buttons: expect.any(Array) }]);
    expect(buttonIds(step!.replies[0])).toEqual(['menu', 'aide']);
    expect(step!.value).toBe('contact');
  });

  it.each([
    ['menu', 'menu'],
    ['aide', 'help'],
    ['contact', 'contact'],
  ])('the button %j leads to %s', async (id, state) => {
    const [step] = await after([choice(id, 2000)]);
    expect(step!.replies).toHaveLength(1);
    expect(step!.value).toBe(state);
  });

  it('commands work from every resting state, the same command twice too', async () => {
    const steps = await after([
      text('menu', 2000),
      text('menu', 3000),
      choice('documents', 4000),
      text('aide', 5000),
      text('aide', 6000),
      text('contact', 7000),
      text('/menu', 8000),
    ]);
    expect(steps.map((s) => s.value)).toEqual(['menu', 'menu', 'category', 'help', 'help', 'contact', 'menu']);
    expect(steps.every((s) => s.replies.length === 1)).toBe(true);
  });

  it('menu → category → topic asks the topic question to the CSS API', async () => {
    const asked: string[] = [];
    const steps = await after([text('menu', 2000), choice('cotisations', 3000), choice('cotisations.taux', 4000)], (q) => {
      asked.push(q);
      return 'Les taux sont…';
    });
    const cotisations = categories.find((c) => c.id === 'cotisations')!;
    expect(rowIds(steps[1]!.replies[0])).toEqual(cotisations.topics.map((t) => t.id));
    expect(steps[1]!.context).toMatchObject({ category: 'cotisations' });
    expect(asked).toEqual([cotisations.topics.find((t) => t.id === 'cotisations.taux')!.question]);
    expect(steps[2]!.replies.map((m) => m.type)).toEqual(['text', 'buttons']);
    expect(steps[2]!.replies[0]).toEqual({ type: 'text', text: 'Les taux sont…' });
    expect(steps[2]!.value).toBe('idle');
    expect(steps[2]!.context).toMatchObject({ lastQuestion: asked[0] });
    expect((steps[2]!.context as { category?: string }).category).toBeUndefined();
  });

  it.each([
    ['1', 'cotisations'],
    ['2', 'prestations'],
    ['3', 'procedures'],
    [' 4 ', 'documents'],
  ])('typing %j in the menu opens %s', async (typed, id) => {
    const [, step] = await after([text('menu', 2000), text(typed, 3000)]);
    expect(step!.value).toBe('category');
    expect(step!.context).toMatchObject({ category: id });
    expect(rowIds(step!.replies[0])).toEqual(categories.find((c) => c.id === id)!.topics.map((t) => t.id));
  });

  it('a digit outside the menu is a question', async () => {
    const asked: string[] = [];
    await after([text('2', 2000)], (q) => (asked.push(q), 'R'));
    expect(asked).toEqual(['2']);
  });

  it('a category tapped from an old list works from any state, and switches category', async () => {
    const steps = await after([choice('procedures', 2000), choice('documents', 3000)]);
    expect(steps.map((s) => s.context)).toMatchObject([{ category: 'procedures' }, { category: 'documents' }]);
  });

  it('a tap this version does not know shows the menu', async () => {
    const [step] = await after([choice('retraite.ipres', 2000)]);
    expect(step!.value).toBe('menu');
    expect(rowIds(step!.replies[0])).toHaveLength(4);
  });

  it('a question typed while a category is open is sent as typed', async () => {
    const asked: string[] = [];
    const [, step] = await after([choice('prestations', 2000), text('  Quel est le montant ?  ', 3000)], (q) => (asked.push(q), 'R'));
    expect(asked).toEqual(['Quel est le montant ?']);
    expect(step!.value).toBe('idle');
  });
});
