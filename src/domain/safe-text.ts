/**
 * Cutting and cleaning text that came from outside (a profile name, a CSS answer) without breaking it: a cut
 * never falls inside a character (an emoji is two UTF-16 units, a flag or a family several code points), and a
 * lone surrogate, which Meta cannot render, never leaves.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Control characters and the invisible bidirectional overrides that can make a name display as something else. */
const UNSHOWABLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * The longest start of `text` that is at most `maxUnits` UTF-16 units (JavaScript `length`, as the Cloud API
 * limits are checked) and ends on a whole character.
 *
 * @example
 * truncateText('A'.repeat(39) + '😀', 40) // 'A'.repeat(39): the emoji does not fit whole, so it is left out
 */
export function truncateText(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let end = 0;
  // Only the neighbourhood of the cut is segmented: stepping through a long text costs time in proportion to its
  // whole length at every step (a 4 MB answer would take minutes).
  for (const { segment, index } of segmenter.segment(text.slice(0, maxUnits + 64))) {
    if (index + segment.length > maxUnits) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * `text` with every lone surrogate replaced by U+FFFD, the Unicode replacement character.
 *
 * @example
 * toWellFormed('abc\ud83d') // 'abc\ufffd'
 */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * A name shown back to the user (WhatsApp's profile name): one line, no control or bidi-override characters,
 * at most `maxUnits` long and cut on a whole character; `undefined` when nothing printable is left.
 *
 * @example
 * cleanName('Awa\u202E Diop\n', 40) // 'Awa Diop'
 */
export function cleanName(name: string, maxUnits: number): string | undefined {
  const oneLine = toWellFormed(name).replace(/\s+/gu, ' ').replace(UNSHOWABLE, '').trim();
  const clean = truncateText(oneLine, maxUnits).trim();
  return clean === '' ? undefined : clean;
}
