/**
 * The content check: every text a designer maintains must exist. Walks the machine folder's `texts`
 * object; a function (a text with a placeholder, like a greeting with the user's name) is called with no
 * argument and must return a non-empty string.
 */

import type { Finding } from './problem.js';

/** How problems name the content, in place of a state. */
export const TEXTS = '(texts)';

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? 'an empty text' : `a ${typeof value}`;
}

function leaf(path: string, value: unknown): Finding | undefined {
  if (typeof value === 'string') {
    return value.trim() === '' ? { state: TEXTS, field: path, message: 'empty text: write the words to send' } : undefined;
  }
  if (typeof value === 'function') {
    let produced: unknown;
    try {
      produced = (value as () => unknown)();
    } catch (error) {
      return { state: TEXTS, field: path, message: `fails when called without arguments: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (typeof produced === 'string' && produced.trim() !== '') return undefined;
    return { state: TEXTS, field: path, message: `returns ${describe(produced)} instead of a text` };
  }
  return { state: TEXTS, field: path, message: `${describe(value)} where a text is expected` };
}

/**
 * Every missing text: an empty or non-string leaf of `texts`, named by its key path.
 *
 * @example
 * findTextProblems({ menu: { body: '' } }); // [{ state: '(texts)', field: 'texts.menu.body', message: 'empty text: …' }]
 */
export function findTextProblems(texts: unknown, path = 'texts'): Finding[] {
  if (Array.isArray(texts)) return texts.flatMap((item, i) => findTextProblems(item, `${path}[${i}]`));
  if (typeof texts === 'object' && texts !== null) {
    return Object.entries(texts).flatMap(([key, value]) =>
      findTextProblems(value, /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}["${key}"]`),
    );
  }
  const problem = leaf(path, texts);
  return problem ? [problem] : [];
}
