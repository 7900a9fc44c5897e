import { withSwitches } from '../../../src/compose/live-machines.js';
import { describe, expect, it } from '@jest/globals';
import { BACK_ID, createCssAssistant, frenchContent, messages, type MenuCategory } from '../../../machines/css-assistant/index.js';
import { FluentMessages } from '../../../src/i18n/fluent-messages.js';
import { runMachineCheck } from '../../../src/designer/check/check-machine.js';
import { runtimeCheckOptions } from '../../../src/designer/check/runtime-options.js';
import { choice, runMachine, text } from '../run-machine.js';
import { machinePaths } from '../../../src/designer/paths/machine-paths.js';
import { askAboutMediaStandIn, askQuestionStandIn } from '../paths/stand-ins.js';
import { bodyOf, dialogOf, rowIds } from './helpers.js';

// The worked example of docs/designing.md ("Add a menu entry"), followed step by step: the new category is
// two edits, its place in menu.ts and its words in locales/fr.ftl; the chart, the numbers, the sample events and
// the checks follow by themselves.
const newCategory: MenuCategory = {
  id: 'independants',
  topics: [
    { id: 'independants.adhesion', question: 'Comment un travailleur indépendant peut-il s’assurer volontairement contre les accidents du travail à la CSS ?' },
    { id: 'independants.cotisation', question: 'Combien coûte l’assurance volontaire accidents du travail pour un indépendant, et comment la payer ?' },
  ],
};
const frenchLines = (title: string): string => `
category-independants = ${title}
    .description = S’assurer volontairement contre les accidents du travail
    .intro = 🧑‍🔧 *Indépendants* : choisissez une question.
topic-independants-adhesion = Adhérer à la CSS
    .description = L’assurance volontaire accidents du travail
topic-independants-cotisation = Ma cotisation
    .description = Combien et comment payer
`;
const withCategory = (title: string) =>
  createCssAssistant({
    ...frenchContent,
    menu: [...frenchContent.menu, newCategory],
    messages: new FluentMessages({ ...messages.sources, fr: `${messages.sources.fr ?? ''}${frenchLines(title)}` }),
  });
const variant = withCategory('Indépendants');
const number = String(frenchContent.menu.length + 1);

describe('docs/designing.md: adding a category with two topics is an edit to the texts only', () => {
  it('passes npm run check as the runtime runs it', async () => {
    const result = runMachineCheck(variant, await runtimeCheckOptions(variant));
    expect(result.problems).toEqual([]);
  });

  it('a title too long for a list row is reported by the check, with the state and the field, as the guide says', async () => {
    const tooLong = withCategory('Travailleurs indépendants');
    const { problems } = runMachineCheck(tooLong, await runtimeCheckOptions(tooLong));
    expect(problems).toContainEqual({
      machine: 'css-assistant',
      state: 'dialog.menu,question.ready',
      field: `sections[0].rows[${frenchContent.menu.length}].title`,
      message: expect.stringContaining('25 characters, the Cloud API allows 24'),
    });
  });

  it('shows in the menu with its number, opens by tap or by number, and its topics ask their questions', async () => {
    const asked: string[] = [];
    const steps = await runMachine(variant, [text('menu', 1000), text(number, 2000), text('2', 3000), text('0', 4000), choice(newCategory.id, 5000)], {
      answer: (q) => (asked.push(q), 'Réponse.'),
    });
    expect(rowIds(steps[0]!.replies[1])).toEqual([...frenchContent.menu.map((c) => c.id), newCategory.id, BACK_ID]);
    expect(bodyOf(steps[0]!.replies[1])).toContain(`${number}. Indépendants`);
    expect(rowIds(steps[1]!.replies[0])).toEqual([...newCategory.topics.map((t) => t.id), BACK_ID]);
    expect(asked).toEqual([newCategory.topics[1]!.question]);
    expect(steps.map(dialogOf)).toEqual(['menu', 'category', 'category', 'menu', 'category']);
  });

  it('is explored by the path tests by itself: its taps are sample events and some path opens it', () => {
    const taps = (variant.sampleEvents ?? []).flatMap((e) => (e.type === 'user.choice' ? [e.id] : []));
    expect(taps).toEqual(expect.arrayContaining([newCategory.id, newCategory.topics[0]!.id]));
    const { paths } = machinePaths(withSwitches(variant, { isAgentInboxOn: false }), { actors: { askQuestion: askQuestionStandIn, askAboutMedia: askAboutMediaStandIn }, maxSimplePaths: 0 });
    expect(paths.some((path) => path.turns.some((turn) => turn.replies.some((m) => rowIds(m).includes(newCategory.topics[0]!.id))))).toBe(true);
  });
});
