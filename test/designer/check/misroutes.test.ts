import { describe, expect, it } from '@jest/globals';
import { checkMachine, formatProblems } from '../../../src/designer/check/index.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import { categoriesOf, menuAssistant, texts } from './misroute-machines.js';

const check = (definition: MachineDefinition, categories = categoriesOf(4)): string[] =>
  formatProblems(checkMachine(definition, { providedActors: ['askQuestion'], content: { texts, categories } }))
    .split('\n')
    .filter(Boolean);

// Each silent misroute a designer made while trying the guide: the check names it, with the fix.
describe('checkMachine: silent misroutes', () => {
  it('passes the sound menu assistant', () => {
    expect(check(menuAssistant(categoriesOf(4)).definition)).toEqual([]);
  });

  it('reports an offered row that only the root catch-all takes, as it takes any unknown id', () => {
    expect(check(menuAssistant(categoriesOf(4), { unknownRow: true }).definition)).toEqual([
      'menu-assistant › menu › sections[0].rows[4].id: "Prendre rendez-vous" (id "rdv") (text texts.menu) is offered here, but only the ' +
        'catch-all (root) › on["user.choice"][3] takes it, as it takes any unknown id: add a transition for "rdv" (a guard that ' +
        "recognises it), or mark that catch-all deliberate with meta: { catchAll: '…' }",
      // The same row typed: the digits follow the list, and the list offers a fifth row.
      'menu-assistant › menu › sections[0].rows: a typed row number does not pick its row in this 5-row list (text texts.menu): ' +
        'typing "5" goes to answering and starts askQuestion with {"question":"q"}, tapping row 5 "Prendre rendez-vous" goes to menu. ' +
        'Make a typed number pick the row (a guard on user.text that reads it against the list shown)',
    ]);
  });

  it('reports a state that swallows every text, menu and aide included, unless it is declared deliberate', () => {
    expect(check(menuAssistant(categoriesOf(4), { swallowingForm: true }).definition)).toEqual([
      'menu-assistant › form › on["user.text"]: this catch-all takes every "user.text" here, so "menu", "aide", "formulaire", ' +
        '"au revoir" never reach what handles them elsewhere (isMenuCommand at (root), isHelpCommand at (root), isFormCommand at (root), ' +
        "isByeCommand at (root)): give it a guard that lets commands through, or mark it deliberate with meta: { catchAll: '…' }",
    ]);
    expect(check(menuAssistant(categoriesOf(4), { swallowingForm: true, deliberateForm: true }).definition)).toEqual([]);
  });

  it('reports a top-level final state, after which the user is told the assistant was updated', () => {
    expect(check(menuAssistant(categoriesOf(4), { finalBye: true }).definition)).toEqual([
      "menu-assistant › bye › type: a final state ends the conversation for good: the user's next message gets the restart notice " +
        '("Notre assistant a été mis à jour.") and the welcome, as if the assistant had been updated. Make it a normal state that ' +
        "waits for the next message (drop type: 'final')",
    ]);
  });

  it('reports a typed 5 that goes to the question actor when the menu has 5 categories and digits stop at 4', () => {
    const categories = categoriesOf(5);
    expect(check(menuAssistant(categories, { digitsUpTo4: true }).definition, categories)).toEqual([
      'menu-assistant › menu › sections[0].rows: a typed row number does not pick its row in this 5-row list (text texts.menu): ' +
        'typing "5" goes to answering and starts askQuestion with {"question":"q"}, tapping row 5 "Thème 5" goes to category. ' +
        'Make a typed number pick the row (a guard on user.text that reads it against the list shown)',
    ]);
    expect(check(menuAssistant(categories).definition, categories)).toEqual([]);
  });

  it('names the category whose list is over the limit by its text key', () => {
    const categories = [...categoriesOf(4), ...categoriesOf(5, 11).slice(4)];
    expect(check(menuAssistant(categories).definition, categories)).toEqual([
      'menu-assistant › category › sections[*].rows: 11 rows, the Cloud API allows 10 (in the message of text categories[4].intro): ' +
        'keep at most 10 rows per list (group the rest under another entry)',
    ]);
  });
});
