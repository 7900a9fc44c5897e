/**
 * Splits a long CSS answer into WhatsApp-sized parts, as the contract requires: each part at most
 * `maxLength` characters, every part after the first headed `(Suite i/n)`. Cuts fall on the most
 * natural boundary available so that a reader never sees a word or a sentence broken needlessly.
 */

import { WHATSAPP_LIMITS } from './whatsapp-limits.js';

/** Characters of `(Suite i/n)\n` besides the digits of `i` and `n`. */
const HEADING_FIXED_LENGTH = '(Suite /)\n'.length;

/** The heading that starts part `index` (1-based) of `total`. */
function heading(index: number, total: number): string {
  return `(Suite ${index}/${total})\n`;
}

/**
 * Break candidates, most preferred first. A part ends where the match starts, or after it when
 * `cutAfter` (so the sentence's punctuation stays with it).
 */
const BREAKS: ReadonlyArray<{ pattern: RegExp; cutAfter: boolean }> = [
  { pattern: /\n[^\S\n]*\n/g, cutAfter: false }, // paragraph
  { pattern: /\n/g, cutAfter: false }, // line
  { pattern: /[.!?…]+["»)\]]*(?=\s)/g, cutAfter: true }, // sentence end, closing quote included
];

/**
 * Spaces a part may end on: not a no-break space (French puts one before `?`, `!`, `:` and inside
 * `10 000`), nor a space before a French double punctuation mark or closing guillemet.
 */
const SPACE = /[^\S\u00A0\u202F](?![?!:;»])/g;

/** The last end, within `capacity`, of a break of the given kind, or -1. */
function lastBreak(window: string, pattern: RegExp, cutAfter: boolean, capacity: number): number {
  let best = -1;
  for (const match of window.matchAll(pattern)) {
    const end = cutAfter ? match.index + match[0].length : match.index;
    if (end > 0 && end <= capacity) best = end;
  }
  return best;
}

/**
 * Where to end the next part of `rest` (longer than `capacity`): a paragraph or line break,
 * then a sentence end, each only if it keeps the part at least half full; then the last space;
 * a word longer than a whole part is cut hard (never inside a surrogate pair).
 */
function cutPoint(rest: string, capacity: number): number {
  const window = rest.slice(0, capacity + 1);
  const minimumEnd = Math.ceil(capacity / 2);
  for (const { pattern, cutAfter } of BREAKS) {
    const end = lastBreak(window, pattern, cutAfter, capacity);
    if (end >= minimumEnd) return end;
  }
  const space = lastBreak(window, SPACE, false, capacity);
  if (space > 0) return space;
  const isHighSurrogate = /[\uD800-\uDBFF]/.test(rest.charAt(capacity - 1));
  return isHighSurrogate && capacity > 1 ? capacity - 1 : capacity;
}

/** Bodies (without headings) with the first part holding `first` characters and the others `other`. */
function chunk(text: string, first: number, other: number): string[] {
  const bodies: string[] = [];
  let rest = text.trimStart();
  while (rest.length > 0) {
    const capacity = bodies.length === 0 ? first : other;
    if (rest.length <= capacity) {
      bodies.push(rest.trimEnd());
      break;
    }
    const end = cutPoint(rest, capacity);
    bodies.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  return bodies;
}

/**
 * Splits `text` into parts of at most `maxLength` characters, heading included, every part after
 * the first starting with `(Suite i/n)\n`. Whitespace at a cut is dropped; every word is kept in
 * order. Lengths are UTF-16 code units (JavaScript's `length`), which never under-counts for Meta.
 * Text that is only whitespace yet longer than a part gives no part at all.
 *
 * @example
 * splitAnswer(longAnswer); // ['Première partie…', '(Suite 2/3)\n…', '(Suite 3/3)\n…']
 * splitAnswer('Bonjour'); // ['Bonjour']
 * @throws RangeError when `maxLength` cannot hold a heading and one character.
 */
export function splitAnswer(text: string, maxLength: number = WHATSAPP_LIMITS.answerPart): string[] {
  if (text.length <= maxLength) return [text];
  // The heading's length depends on the number of parts, which depends on the room the heading
  // leaves: grow the assumed digit count until it covers the count it produces (it only grows).
  let digits = 1;
  for (;;) {
    const room = maxLength - (HEADING_FIXED_LENGTH + 2 * digits);
    if (room < 1) throw new RangeError(`maxLength ${maxLength} cannot hold a "(Suite i/n)" heading and text`);
    const bodies = chunk(text, maxLength, room);
    const total = bodies.length;
    if (String(total).length <= digits) {
      return bodies.map((body, index) => (index === 0 ? body : heading(index + 1, total) + body));
    }
    digits = String(total).length;
  }
}
