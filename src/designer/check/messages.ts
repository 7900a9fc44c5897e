/**
 * The messages check: every locale's Fluent file against the reference (French). A message missing in a locale is
 * said in French: a warning lists them. A file the parser cannot read, a message the reference does not have, or a
 * variable used differently is a problem, named with the locale, the message id and the file.
 */

import { LOCALES, type Locale, REFERENCE_LOCALE } from '../../domain/locale.js';
import { type Catalog, readCatalog } from '../../i18n/message-catalog.js';
import type { FluentMessages } from '../../i18n/fluent-messages.js';
import type { Finding } from './problem.js';
import type { TextKeys } from './text-keys.js';

/**
 * The locale a problem's text note names (`(text wo:button-aide)`), when it names one.
 *
 * @example
 * localeNamedIn('… (text wo:button-aide): shorten it') // 'wo'
 */
export const localeNamedIn = (message: string): Locale | undefined => {
  const named = /\(.*?text ([a-z]{2}):[\w.-]+\)/.exec(message)?.[1];
  return LOCALES.find((locale) => locale === named);
};

/** How problems name the messages, in place of a state. */
export const MESSAGES = '(messages)';

/** What the messages check found: problems, and warnings that do not fail the check. */
export interface MessageReport {
  readonly findings: Finding[];
  readonly warnings: string[];
}

const listed = (names: Iterable<string>): string => [...names].map((name) => `{ $${name} }`).join(', ');

/** Problems of one locale's file against the reference's catalog. */
function compare(locale: Locale, catalog: Catalog, reference: Catalog): Finding[] {
  const file = `${locale}.ftl`;
  const findings: Finding[] = catalog.junk.map(({ line, content }) => ({
    locale,
    state: MESSAGES,
    field: `${file}:${line}`,
    message: `Fluent cannot read "${content}": fix its syntax (id = text, attributes indented as ".name = text")`,
  }));
  if (locale === REFERENCE_LOCALE) return findings;
  for (const [key, entry] of catalog.entries) {
    const expected = reference.entries.get(key);
    if (expected === undefined) {
      findings.push({ locale, state: MESSAGES, field: `${file} › ${key}`, message: `not in ${REFERENCE_LOCALE}.ftl, so never said: check its id` });
      continue;
    }
    const unknown = [...entry.variables].filter((name) => !expected.variables.has(name));
    const left = [...expected.variables].filter((name) => !entry.variables.has(name));
    if (unknown.length > 0) {
      findings.push({ locale, state: MESSAGES, field: `${file} › ${key}`, message: `uses ${listed(unknown)}, which the machine does not give: use ${listed(expected.variables) || 'no variable'}` });
    }
    if (left.length > 0) {
      findings.push({ locale, state: MESSAGES, field: `${file} › ${key}`, message: `leaves out ${listed(left)}, which ${REFERENCE_LOCALE}.ftl uses: keep it` });
    }
  }
  return findings;
}

/**
 * Every problem and warning of a machine's messages.
 *
 * @example
 * checkMessageFiles(messages).warnings // ['wo.ftl: 42 messages said in French, missing: contact, pension, …']
 */
export function checkMessageFiles(messages: FluentMessages): MessageReport {
  const referenceSource = messages.sources[REFERENCE_LOCALE];
  if (referenceSource === undefined) {
    return { findings: [{ state: MESSAGES, field: `${REFERENCE_LOCALE}.ftl`, message: 'no reference file: every message must exist in French' }], warnings: [] };
  }
  const reference = readCatalog(referenceSource);
  const findings: Finding[] = [];
  const warnings: string[] = [];
  for (const locale of LOCALES) {
    const source = messages.sources[locale];
    if (source === undefined) {
      warnings.push(`${locale}.ftl: no file, everything is said in French`);
      continue;
    }
    const catalog = readCatalog(source);
    findings.push(...compare(locale, catalog, reference));
    const missing = new Set([...reference.entries.values()].filter((entry) => !catalog.entries.has(entry.key)).map((entry) => entry.key));
    if (missing.size > 0) warnings.push(`${locale}.ftl: ${missing.size} messages said in French, missing: ${[...missing].join(', ')}`);
  }
  return { findings, warnings };
}

/**
 * The message a text of one of `locales` comes from (`wo:button-aide`), or of the reference when a locale falls back
 * on it, so that a problem names the locale and the message id to fix.
 *
 * @example
 * localeTextKeys(messages, ['wo']).keyOf('Ndimbal') // 'wo:button-aide'
 */
export function localeTextKeys(messages: FluentMessages, locales: readonly Locale[]): TextKeys {
  const keys = new Map<string, string>();
  for (const owner of [...locales, REFERENCE_LOCALE]) {
    const source = messages.sources[owner];
    if (source === undefined) continue;
    for (const entry of readCatalog(source).entries.values()) {
      // Variables take a neutral value: texts without one (titles, bodies) are found exactly, which is what limits need.
      const args = Object.fromEntries([...entry.variables].map((name) => [name, 'anonymous']));
      const text = messages.format(owner, entry.id, args, entry.attribute);
      if (text.trim() !== '' && !keys.has(text)) keys.set(text, `${owner}:${entry.key}`);
    }
  }
  return { keyOf: (text) => keys.get(text) };
}
