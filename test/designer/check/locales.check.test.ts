import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createCssAssistant, frenchContent, messages } from '../../../machines/css-assistant/index.js';
import { runCheckCommand } from '../../../src/designer/check/index.js';
import { runMachineCheck } from '../../../src/designer/check/check-machine.js';
import { runtimeCheckOptions } from '../../../src/designer/check/runtime-options.js';
import { FluentMessages } from '../../../src/i18n/fluent-messages.js';
import type { LocaleSources } from '../../../src/i18n/locale-files.js';

const fixture = readFileSync(new URL('./fixtures/too-long-button.en.ftl', import.meta.url), 'utf8');
const longLine = /^button-aide = .*$/m.exec(fixture)?.[0] ?? '';

/** The CSS assistant with its real messages, some of them changed in memory. */
const assistantWith = (sources: LocaleSources) => createCssAssistant({ ...frenchContent, messages: new FluentMessages({ ...messages.sources, ...sources }) });

const checkLines = async (sources: LocaleSources): Promise<{ status: number; lines: string[] }> => {
  const lines: string[] = [];
  const status = await runCheckCommand([assistantWith(sources)], (line) => lines.push(...line.split('\n')));
  return { status, lines };
};

describe('npm run check in every locale', () => {
  it('passes on the shipped messages, and lists what Wolof leaves to French as a warning', async () => {
    const definition = createCssAssistant(frenchContent);
    const result = runMachineCheck(definition, await runtimeCheckOptions(definition));
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(/^wo\.ftl: \d+ messages said in French, missing: contact, pension,/)]);
  });

  it('fails on a button title too long in one locale, naming the locale, the message id and the field', async () => {
    expect(longLine).toMatch(/^button-aide = .{21,}$/);
    const { status, lines } = await checkLines({ en: (messages.sources.en ?? '').replace(/^button-aide = .*$/m, longLine) });
    expect(status).toBe(1);
    const problems = lines.filter((line) => line.startsWith('css-assistant [en]'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(expect.stringMatching(/^css-assistant \[en\] › .* › buttons\[1\]\.title: 25 characters, the Cloud API allows 20 \(text en:button-aide\)/));
    // French and Wolof keep their own title: nothing is reported there.
    expect(lines.filter((line) => /^css-assistant (\[wo\] )?› .*buttons\[\d\]\.title/.test(line))).toEqual([]);
  });

  it('reports a variable a translation invents or leaves out, and a message French does not have', async () => {
    const en = (messages.sources.en ?? '')
      .replace(/^language-chosen = .*$/m, 'language-chosen = Noted, { $nom }.')
      .replace(/^ {4}\{ \$answer \}$/m, '    (answer)')
      .concat('\nbutton-typo = Typo\n');
    const { status, lines } = await checkLines({ en });
    expect(status).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'css-assistant [en] › (messages) › en.ftl › language-chosen: uses { $nom }, which the machine does not give: use no variable',
        'css-assistant [en] › (messages) › en.ftl › answers-in-french: leaves out { $answer }, which fr.ftl uses: keep it',
        'css-assistant [en] › (messages) › en.ftl › button-typo: not in fr.ftl, so never said: check its id',
      ]),
    );
  });

  it('says a message missing in a locale in French, and the check lists it without failing', async () => {
    const en = (messages.sources.en ?? '').replace(/^button-contact = .*\n/m, '');
    const { status, lines } = await checkLines({ en });
    expect(status).toBe(0);
    expect(lines).toContain('⚠ css-assistant › en.ftl: 1 messages said in French, missing: button-contact');
    expect(new FluentMessages({ ...messages.sources, en }).format('en', 'button-contact')).toBe('Contact');
    expect(new FluentMessages({ ...messages.sources, en }).format('en', 'button-aide')).toBe('Help');
  });

  it('reports a line Fluent cannot read, with its file and line', async () => {
    const { lines } = await checkLines({ wo: `${messages.sources.wo ?? ''}\nthis line has no equals sign\n` });
    expect(lines).toContainEqual(expect.stringMatching(/^css-assistant \[wo\] › \(messages\) › wo\.ftl:\d+: Fluent cannot read "this line has no equals sign"/));
  });
});
