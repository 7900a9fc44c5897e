import { describe, expect, it } from '@jest/globals';
import { cleanName, toWellFormed, truncateText } from '../../src/domain/safe-text.js';

describe('truncateText', () => {
  it.each([
    ['short text stays', 'Awa', 40, 'Awa'],
    ['an emoji that does not fit whole is left out', `${'A'.repeat(39)}😀`, 40, 'A'.repeat(39)],
    ['an emoji that fits stays', `${'A'.repeat(38)}😀`, 40, `${'A'.repeat(38)}😀`],
    ['a flag is one character', `${'A'.repeat(37)}🇸🇳`, 40, `${'A'.repeat(37)}`],
    ['a letter with a combining accent stays whole', `${'A'.repeat(39)}e\u0301`, 40, 'A'.repeat(39)],
  ])('%s', (_label, text, max, expected) => {
    expect(truncateText(text, max)).toBe(expected);
  });

  it('cuts a text of millions of characters (a faulty CSS answer) like a short one', () => {
    expect(truncateText('é'.repeat(4_000_000), 5)).toBe('ééééé');
  });
});

describe('toWellFormed and cleanName', () => {
  it('replaces lone surrogates only', () => {
    expect(toWellFormed('a\ud83d')).toBe('a\ufffd');
    expect(toWellFormed('\ude00b')).toBe('\ufffdb');
    expect(toWellFormed('😀')).toBe('😀');
  });

  it('keeps a name to one printable line', () => {
    expect(cleanName('  Awa\u202E\n Diop\u0000 ', 40)).toBe('Awa Diop');
    expect(cleanName('👨‍👩‍👧 Famille', 40)).toBe('👨‍👩‍👧 Famille');
    expect(cleanName('\u0007\n', 40)).toBeUndefined();
  });
});
