/**
 * Cloud API limits on every reply the exploration saw, through the same validator the senders use, so the
 * check and a real send can never disagree.
 */

import type { OutboundMessage } from '../../domain/outbound.js';
import { type LimitViolation, findLimitViolations } from '../../domain/validate-outbound.js';
import type { SentReply } from './explore.js';
import type { Finding } from './problem.js';
import { NO_TEXT_KEYS, type TextKeys, messageTextKey } from './text-keys.js';

/** Fields that count items rather than characters, with the noun a designer reads. */
const COUNTED: Readonly<Record<string, string>> = { buttons: 'buttons', sections: 'sections', 'sections[*].rows': 'rows' };

/** The value at a validator path such as `sections[0].rows[2].title`, when it is a string. */
function valueAt(message: OutboundMessage, field: string): string | undefined {
  let current: unknown = message;
  for (const key of field.split(/[.[\]]+/).filter(Boolean)) {
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  }
  return typeof current === 'string' ? current : undefined;
}

/** One violation in a designer's words: `25 characters, the Cloud API allows 24`. */
export function describeViolation(message: OutboundMessage, violation: LimitViolation): string {
  const { field, limit, actual, rule } = violation;
  const noun = COUNTED[field];
  if (rule === 'unique') {
    const value = valueAt(message, field);
    return `${value === undefined ? 'this value' : `"${value}"`} is used ${actual} times in the message, it must be unique`;
  }
  if (rule === 'min') {
    return noun ? `no ${noun}, the Cloud API needs at least ${limit}` : 'empty, the Cloud API needs a text here';
  }
  return `${actual} ${noun ?? 'characters'}, the Cloud API allows ${limit}`;
}

/** What to do about a violation, in a few words. */
function fixOf(violation: LimitViolation): string {
  if (violation.rule === 'unique') return ': make each one different';
  if (violation.rule === 'min') return ': write it';
  const noun = COUNTED[violation.field];
  if (noun === 'rows') return ': keep at most 10 rows per list (group the rest under another entry)';
  return noun ? `: keep at most ${violation.limit}` : ': shorten it';
}

/** ` (text texts.menu.button)`: the key of the value that breaks the limit, else of the message's text. */
function textNoteAt(message: OutboundMessage, field: string, keys: TextKeys): string {
  const value = valueAt(message, field);
  const key = (value === undefined ? undefined : keys.keyOf(value)) ?? messageTextKey(message, keys);
  if (key === undefined) return '';
  return value !== undefined && keys.keyOf(value) === key ? ` (text ${key})` : ` (in the message of text ${key})`;
}

/**
 * Every limit broken by a reply, at the state it was sent into, with the key of the text involved.
 *
 * @example
 * findLimitProblems([{ state: 'menu', message: { type: 'text', text: '' } }]);
 * // [{ state: 'menu', field: 'text', message: 'empty, the Cloud API needs a text here' }]
 */
export function findLimitProblems(replies: readonly SentReply[], keys: TextKeys = NO_TEXT_KEYS): Finding[] {
  return replies.flatMap(({ state, message }) =>
    findLimitViolations(message).map((violation) => ({
      state,
      field: violation.field,
      message: `${describeViolation(message, violation)}${textNoteAt(message, violation.field, keys)}${fixOf(violation)}`,
    })),
  );
}
