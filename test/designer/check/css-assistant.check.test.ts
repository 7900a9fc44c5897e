import { describe, expect, it } from '@jest/globals';
import { machines } from '../../../machines/index.js';
import { categories, cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import { emit } from 'xstate';
import type { ReplyEvent } from '../../../src/domain/conversation.js';
import { KNOWN_PROBLEMS, checkMachine, formatProblems, runMachineCheck, runtimeCheckOptions } from '../../../src/designer/check/index.js';

describe('the machine check on the CSS assistant', () => {
  it('finds no problem in the real machine, with its texts and the actors the runtime provides, but the known ones', () => {
    const result = runMachineCheck(cssAssistant, { providedActors: ['askQuestion', 'askAboutMedia', 'forwardToAgent'], texts, waivers: KNOWN_PROBLEMS });
    expect(result.problems).toEqual([]);
    // Typed digits in topic lists go to the CSS API until the machine's owner fixes it (issue 12).
    expect(result.waived.map(({ state }) => state).filter((state) => state !== 'category')).toEqual([]);
  });

  it('finds none in any registered machine with the options the runtime derives (as npm run check and the server do)', async () => {
    for (const definition of Object.values(machines)) {
      const result = runMachineCheck(definition, await runtimeCheckOptions(definition));
      expect(result.problems).toEqual([]);
      expect(result.unusedWaivers).toEqual([]);
      expect(result.states).toBeGreaterThan(0);
    }
  });

  it('loads the folder texts by convention', async () => {
    expect((await runtimeCheckOptions(cssAssistant)).texts).toBe(texts);
  });

  it('reports the actors the runtime does not provide: the machine only has placeholders', () => {
    expect(checkMachine(cssAssistant, { providedActors: [], waivers: KNOWN_PROBLEMS })).toEqual([
      {
        machine: 'css-assistant',
        state: 'dialog.withAgent.forwarding',
        field: 'invoke.src',
        message: 'actor "forwardToAgent" is only a placeholder and the runtime does not provide it',
      },
      {
        machine: 'css-assistant',
        state: 'question.waiting.asking',
        field: 'invoke.src',
        message: 'actor "askQuestion" is only a placeholder and the runtime does not provide it',
      },
      {
        machine: 'css-assistant',
        state: 'question.waiting.askingAboutFile',
        field: 'invoke.src',
        message: 'actor "askAboutMedia" is only a placeholder and the runtime does not provide it',
      },
    ]);
  });

  it('catches a designer’s mistake in the real machine: a menu row title over the limit', () => {
    const rows = categories.map(({ id, title }, i) => ({ id, title: i === 2 ? 'Les démarches à effectuer' : title }));
    const edited = cssAssistant.machine.provide({
      actions: {
        replyMenu: emit(
          (): ReplyEvent => ({ type: 'reply', message: { type: 'list', body: 'Menu', button: 'Voir', sections: [{ rows }] } }),
        ),
      },
    });
    const problems = checkMachine({ ...cssAssistant, machine: edited }, { providedActors: ['askQuestion', 'askAboutMedia', 'forwardToAgent'], texts, waivers: KNOWN_PROBLEMS });
    // The menu is sent on entering it, whether a question is pending or not: every state where it shows is named.
    // (The edited action says it in French whatever the locale: the other locales report it too, under their name.)
    expect(problems.some((problem) => problem.locale === 'en')).toBe(true);
    expect(formatProblems(problems.filter((problem) => problem.locale === undefined))).toBe(
      'css-assistant › dialog.menu,question.ready, dialog.menu,question.waiting.asking, dialog.menu,question.waiting.askingAboutFile › ' +
        'sections[0].rows[2].title: 25 characters, the Cloud API allows 24 (in the message of text texts.buttons.menu): shorten it',
    );
  });
});
