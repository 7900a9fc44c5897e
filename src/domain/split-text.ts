/**
 * Splits a long CSS answer into WhatsApp-sized parts, as the contract requires: each part at most
 * `maxLength` characters, the first marked `(1/n)` and every next one headed `(Suite i/n)`. The last part
 * may be held shorter (`lastMaxLength`), so that it fits the body of an interactive message and carries the
 * answer's buttons. Cuts fall on the most natural boundary available so that a reader never sees a word or a
 * sentence broken needlessly.
 */

import { WHATSAPP_LIMITS } from './whatsapp-limits.js';

/** Characters of `(Suite /)\n` besides the digits of `i` and `n` (the first part's `(/)\n` is shorter). */
const HEADING_FIXED_LENGTH = '(Suite /)\n'.length;

/** The heading that starts part `index` (1-based) of `total`. */
function heading(index: number, total: number): string {
  return index === 1 ? `(1/${total})\n` : `(Suite ${index}/${total})\n`;
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

/** Every place, in `window`, where a part may end after a break of the given kind. */
function breakEnds(window: string, pattern: RegExp, cutAfter: boolean): number[] {
  return [...window.matchAll(pattern)].map((match) => (cutAfter ? match.index + match[0].length : match.index));
}

const isLowSurrogate = (text: string, index: number): boolean => /[\uDC00-\uDFFF]/.test(text.charAt(index));

/**
 * Where to end the next part of `rest` (longer than `capacity`): a paragraph or line break,
 * then a sentence end, each only if it keeps the part at least half full; then the last space;
 * a word longer than a whole part is cut hard (never inside a surrogate pair).
 */
function cutPoint(rest: string, capacity: number): number {
  const window = rest.slice(0, capacity + 1);
  const minimumEnd = Math.ceil(capacity / 2);
  for (const { pattern, cutAfter } of BREAKS) {
    const end = Math.max(-1, ...breakEnds(window, pattern, cutAfter).filter((e) => e > 0 && e <= capacity));
    if (end >= minimumEnd) return end;
  }
  const space = Math.max(-1, ...breakEnds(window, SPACE, false).filter((e) => e > 0 && e <= capacity));
  if (space > 0) return space;
  return isLowSurrogate(rest, capacity) && capacity > 1 ? capacity - 1 : capacity;
}

/**
 * Where the last part of `text` (longer than `capacity`) starts: the mirror of {@link cutPoint}, so the last
 * part holds as much as it can, at least half its room, from the start of a paragraph, a line or a sentence.
 */
function tailStart(text: string, capacity: number): number {
  const from = text.length - capacity;
  const window = text.slice(from - 1);
  const minimumLength = Math.ceil(capacity / 2);
  const candidates = [...BREAKS, { pattern: SPACE, cutAfter: false }].map(({ pattern, cutAfter }) =>
    breakEnds(window, pattern, cutAfter)
      // A part ends where the break starts; the next one starts after the break's own whitespace.
      .map((end) => from - 1 + end + (/^\s+/.exec(text.slice(from - 1 + end))?.[0].length ?? 0))
      .filter((start) => start >= from && start < text.length),
  );
  for (const starts of candidates.slice(0, BREAKS.length)) {
    const start = Math.min(Infinity, ...starts);
    if (start !== Infinity && text.length - start >= minimumLength) return start;
  }
  const space = Math.min(Infinity, ...(candidates.at(-1) ?? []));
  if (space !== Infinity) return space;
  return isLowSurrogate(text, from) ? from + 1 : from;
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

/** The bodies when the last part has less room (`last`) than the others: the last is cut first, from the end. */
function chunkWithShortLast(text: string, first: number, other: number, last: number): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= last) return trimmed === '' ? [] : [trimmed];
  const start = tailStart(trimmed, last);
  return [...chunk(trimmed.slice(0, start), first, other), trimmed.slice(start).trim()];
}

/**
 * Splits `text` into parts of at most `maxLength` characters, heading included, the last one at most
 * `lastMaxLength`: the first part starts with `(1/n)\n`, every next one with `(Suite i/n)\n`. Whitespace at a
 * cut is dropped; every word is kept in order. Lengths are UTF-16 code units (JavaScript's `length`), which
 * never under-counts for Meta. A text that fits in one part is returned unchanged; text that is only
 * whitespace yet longer than a part gives no part at all.
 *
 * @example
 * splitAnswer(longAnswer); // ['(1/3)\nPremière partie…', '(Suite 2/3)\n…', '(Suite 3/3)\n…']
 * splitAnswer(answer, 4000, 1024); // the last part fits an interactive body, to carry the buttons
 * splitAnswer('Bonjour'); // ['Bonjour']
 * @throws RangeError when a length cannot hold a heading and one character.
 */
export function splitAnswer(
  text: string,
  maxLength: number = WHATSAPP_LIMITS.answerPart,
  lastMaxLength: number = maxLength,
): string[] {
  const lastLength = Math.min(lastMaxLength, maxLength);
  if (text.length <= lastLength) return [text];
  // The heading's length depends on the number of parts, which depends on the room the heading
  // leaves: grow the assumed digit count until it covers the count it produces (it only grows).
  let digits = 1;
  for (;;) {
    const room = maxLength - (HEADING_FIXED_LENGTH + 2 * digits);
    const lastRoom = lastLength - (HEADING_FIXED_LENGTH + 2 * digits);
    if (lastRoom < 1) throw new RangeError(`a part of ${lastLength} cannot hold a "(Suite i/n)" heading and text`);
    const firstRoom = room + '(Suite '.length - '('.length;
    const bodies = lastLength < maxLength ? chunkWithShortLast(text, firstRoom, room, lastRoom) : chunk(text, firstRoom, room);
    const total = bodies.length;
    if (String(total).length <= digits) {
      return total <= 1 ? bodies : bodies.map((body, index) => heading(index + 1, total) + body);
    }
    digits = String(total).length;
  }
}
