import { describe, expect, it } from '@jest/globals';
import { BACK_ID, categories, texts } from '../../../machines/css-assistant/index.js';
import { choice, text } from '../run-machine.js';
import { afterGreeting, bodyOf, buttonIds, dialogOf, rowIds } from './helpers.js';

const menuRows = [...categories.map((c) => c.id), BACK_ID];
const last = categories.at(-1)!;

// Lists read from the texts: nothing below names a count, so adding a category or a topic changes no test.
describe('css-assistant: commands, menus, numbers and the way back', () => {
  it.each(['aide', 'Aide svp', '/help'])('%j shows the help', async (command) => {
    const { steps: [step] } = await afterGreeting([text(command, 2000)]);
    expect(step!.replies).toEqual([{ type: 'buttons', body: texts.help, buttons: expect.any(Array) }]);
    expect(buttonIds(step!.replies[0])).toEqual(['menu', 'contact', 'langue']);
    expect(dialogOf(step)).toBe('help');
  });

  it.each(['menu', 'le menu stp', '/MENU'])('%j shows every category, then a row to go back, each numbered in the body', async (command) => {
    const { steps: [step] } = await afterGreeting([text(command, 2000)]);
    expect(step!.replies).toHaveLength(1);
    expect(rowIds(step!.replies[0])).toEqual(menuRows);
    const body = bodyOf(step!.replies[0]) ?? '';
    categories.forEach((category, index) => expect(body).toContain(`${index + 1}. ${category.title}`));
    expect(body).toContain(`0. ${texts.menu.back.title}`);
    expect(body).toContain(texts.menu.howTo);
    expect(dialogOf(step)).toBe('menu');
  });

  it.each(['contact', 'réclamation', 'plainte', 'téléphone'])(
    '%j gives the contact and complaint page, without asking the CSS',
    async (typed) => {
      const { steps: [step], asked } = await afterGreeting([text(typed, 2000)]);
      expect(step!.replies).toEqual([{ type: 'buttons', body: texts.contact, buttons: expect.any(Array) }]);
      expect(texts.contact).toMatch(/\+221/);
      expect(texts.contact).toMatch(/réclamation/i);
      expect(dialogOf(step)).toBe('contact');
      expect(asked).toEqual([]);
    },
  );

  it('"pension" explains where to go, and its button opens the pension questions', async () => {
    const { steps, asked } = await afterGreeting([text('je veux ma pension', 2000), choice('pensions', 3000)]);
    expect(bodyOf(steps[0]!.replies[0])).toBe(texts.pension);
    expect(buttonIds(steps[0]!.replies[0])).toContain('pensions');
    expect(rowIds(steps[1]!.replies[0])).toEqual([...categories.find((c) => c.id === 'pensions')!.topics.map((t) => t.id), BACK_ID]);
    expect(asked).toEqual([]);
  });

  it('every category is picked by its number, and every topic of it by its number', async () => {
    for (const [index, category] of categories.entries()) {
      const topicNumber = category.topics.length; // the last topic of each list
      const { steps, asked } = await afterGreeting([text('menu', 2000), text(String(index + 1), 3000), text(` ${topicNumber} `, 4000)]);
      expect(dialogOf(steps[1])).toBe('category');
      expect(rowIds(steps[1]!.replies[0])).toEqual([...category.topics.map((t) => t.id), BACK_ID]);
      expect(asked).toEqual([category.topics.at(-1)!.question]);
      expect(dialogOf(steps[2])).toBe('category');
    }
  });

  it('0, "retour" and the back row go back one level: topics → menu → home', async () => {
    const { steps } = await afterGreeting([
      text('menu', 2000),
      text(String(categories.length), 3000),
      text('0', 4000),
      choice(last.id, 5000),
      choice(BACK_ID, 6000),
      text('retour', 7000),
    ]);
    expect(steps.map(dialogOf)).toEqual(['menu', 'category', 'menu', 'category', 'menu', 'idle']);
    expect(rowIds(steps[2]!.replies[0])).toEqual(menuRows);
    expect(bodyOf(steps[5]!.replies[0])).toBe(texts.home);
    expect(buttonIds(steps[5]!.replies[0])).toEqual(['menu', 'aide', 'contact']);
  });

  it('a number past the list shows the list again; a number with no list open shows the menu; none reach the CSS', async () => {
    const { steps, asked } = await afterGreeting([
      text('menu', 2000),
      text(String(categories.length + 1), 3000),
      text('1', 4000),
      text(String(categories[0]!.topics.length + 1), 5000),
      text('aide', 6000),
      text('2', 7000),
    ]);
    expect(rowIds(steps[1]!.replies[0])).toEqual(menuRows);
    expect(rowIds(steps[3]!.replies[0])).toEqual([...categories[0]!.topics.map((t) => t.id), BACK_ID]);
    expect(dialogOf(steps[5])).toBe('menu');
    expect(rowIds(steps[5]!.replies[0])).toEqual(menuRows);
    expect(asked).toEqual([]);
  });

  it('a category tapped from an old list works from any state, and switches category', async () => {
    const { steps } = await afterGreeting([choice('procedures', 2000), choice('documents', 3000)]);
    expect(steps.map((s) => s.context)).toMatchObject([{ category: 'procedures' }, { category: 'documents' }]);
  });

  it('a tap this version does not know shows the menu', async () => {
    const { steps: [step] } = await afterGreeting([choice('retraite.ipres', 2000)]);
    expect(dialogOf(step)).toBe('menu');
    expect(rowIds(step!.replies[0])).toEqual(menuRows);
  });

  it('a question typed while a category is open is sent as typed, and the list stays open for its numbers', async () => {
    const { steps, asked } = await afterGreeting([choice('prestations', 2000), text('  Quel est le montant ?  ', 3000), text('1', 4000)]);
    expect(asked).toEqual(['Quel est le montant ?', categories.find((c) => c.id === 'prestations')!.topics[0]!.question]);
    expect(dialogOf(steps[1])).toBe('category');
  });
});
