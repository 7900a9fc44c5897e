import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { splitAnswer } from '../../src/domain/split-text.js';

const HEADING = /^\((?:Suite )?(\d+)\/(\d+)\)\n/;

/** The part without its `(1/n)` or `(Suite i/n)` heading. */
function bodyOf(part: string): string {
  return part.replace(HEADING, '');
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

describe('splitAnswer', () => {
  it('returns a short text unchanged, as one part', () => {
    expect(splitAnswer('Bonjour, voici la réponse.')).toEqual(['Bonjour, voici la réponse.']);
    const exact = 'a'.repeat(4000);
    expect(splitAnswer(exact)).toEqual([exact]);
  });

  it('splits past 4,000 characters by default, headings included in the length', () => {
    const sentence = 'La pension de retraite est calculée sur la base des cotisations versées. ';
    const parts = splitAnswer(sentence.repeat(120)); // ~8,900 characters
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4000);
    expect(parts[0]?.startsWith('(1/3)\nLa pension')).toBe(true);
    expect(parts[1]?.startsWith('(Suite 2/3)\nLa pension')).toBe(true);
    expect(parts[2]?.startsWith('(Suite 3/3)\n')).toBe(true);
  });

  it('prefers a paragraph break to a line break, and a line break to a sentence end', () => {
    const text = `${'Premier paragraphe. '.repeat(3)}\n\nDeuxième. Encore une ligne\nfin du texte ici.`;
    const parts = splitAnswer(text, 80);
    expect(parts[0]).toBe('(1/2)\nPremier paragraphe. Premier paragraphe. Premier paragraphe.');
    expect(bodyOf(parts[1] ?? '')).toBe('Deuxième. Encore une ligne\nfin du texte ici.');
  });

  it('ends a part at a sentence end rather than at the last space', () => {
    const parts = splitAnswer('Une phrase assez longue pour remplir ici. Puis une autre qui déborde', 60);
    expect(parts).toEqual(['(1/2)\nUne phrase assez longue pour remplir ici.', '(Suite 2/2)\nPuis une autre qui déborde']);
  });

  it('ignores a break that would leave the part less than half full', () => {
    const parts = splitAnswer(`Court.\n${'mot '.repeat(30)}`, 60);
    expect(parts[0]?.length).toBeGreaterThan(30);
    expect(parts[0]).toMatch(/^\(1\/\d\)\nCourt\.\nmot mot/);
  });

  it('never leaves French double punctuation alone at the start of a part', () => {
    const text = `${'x'.repeat(45)} ici ? Oui ! Et encore : voilà la suite du texte`;
    for (const part of splitAnswer(text, 50)) expect(bodyOf(part)).not.toMatch(/^[?!:;]/);
  });

  it('cuts hard only a word longer than a part, and never inside an emoji', () => {
    const link = `https://www.secusociale.sn/${'x'.repeat(60)}`;
    const parts = splitAnswer(`Voir ${link} merci`, 40);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(40);
    expect(parts[0]).toBe('(1/5)\nVoir');
    expect(parts.slice(1, -1).map((p) => p.length)).toEqual([40, 40, 40]); // the link, cut where the part is full
    expect(parts.map(bodyOf).join('')).toBe(`Voir${link}`.concat(' merci'));

    const emojis = '😀'.repeat(30); // 60 UTF-16 units, no space
    const emojiParts = splitAnswer(emojis, 25);
    for (const part of emojiParts) expect(bodyOf(part)).toMatch(/^(😀)+$/u);
    expect(emojiParts.map(bodyOf).join('')).toBe(emojis);
  });

  it('counts two-digit totals in the heading room', () => {
    const parts = splitAnswer('mot '.repeat(300), 30);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    parts.forEach((part, i) => {
      expect(part.length).toBeLessThanOrEqual(30);
      expect(part.startsWith(i === 0 ? `(1/${parts.length})\n` : `(Suite ${i + 1}/${parts.length})\n`)).toBe(true);
    });
  });

  it('refuses a length that cannot hold a heading', () => {
    expect(() => splitAnswer('mot '.repeat(10), 12)).toThrow(RangeError);
  });

  it('numbers the first part too, as the contract asks', () => {
    const parts = splitAnswer('Une phrase. '.repeat(10), 60);
    expect(parts[0]).toMatch(/^\(1\/\d+\)\nUne phrase\./);
    expect(parts.slice(1).every((part, i) => part.startsWith(`(Suite ${i + 2}/${parts.length})\n`))).toBe(true);
  });

  it('holds the last part within its own, shorter limit, so it can carry buttons', () => {
    const paragraph = 'Les allocations familiales sont versées chaque trimestre au chef de famille. ';
    const text = `${paragraph.repeat(20)}\n\n${paragraph.repeat(6)}`; // ~2,000 characters
    const parts = splitAnswer(text, 4000, 1024);
    expect(parts).toHaveLength(2);
    expect(parts[1]?.length).toBeLessThanOrEqual(1024);
    expect(parts[1]?.startsWith('(Suite 2/2)\nLes allocations')).toBe(true);
    expect(parts.map(bodyOf).join(' ').split(/\s+/)).toEqual(text.trim().split(/\s+/));
    // A text that fits the last part's limit is one part, unchanged.
    expect(splitAnswer('Courte réponse.', 4000, 1024)).toEqual(['Courte réponse.']);
  });

  it('starts the last part at a paragraph rather than mid-sentence when one is near', () => {
    const text = `${'mot '.repeat(40)}\n\nDernier paragraphe. ${'fin '.repeat(5)}`;
    const parts = splitAnswer(text, 400, 80);
    expect(bodyOf(parts.at(-1) ?? '')).toBe(`Dernier paragraphe. ${'fin '.repeat(5)}`.trim());
  });

  describe('properties', () => {
    const word = fc.stringMatching(/^[a-zàâçéèêëîïôûù0-9'’-]{1,30}$/);
    const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '. ', ' ? ', ', ', '\u00A0');
    const text = fc
      .array(fc.tuple(word, separator), { minLength: 1, maxLength: 200 })
      .map((pairs) => pairs.map(([w, s]) => w + s).join(''));
    const maxLength = fc.integer({ min: 20, max: 400 });

    it('keeps every part within the limit, with correct headings', () => {
      fc.assert(
        fc.property(text, maxLength, (input, max) => {
          const parts = splitAnswer(input, max);
          if (input.length <= max) return expect(parts).toEqual([input]);
          if (parts.length === 1) return expect(parts[0]).toBe(input.trim());
          parts.forEach((part, i) => {
            expect(part.length).toBeLessThanOrEqual(max);
            const heading = HEADING.exec(part);
            expect(heading?.slice(1)).toEqual([String(i + 1), String(parts.length)]);
            if (i === 0) expect(part.startsWith('(1/')).toBe(true);
            expect(bodyOf(part).trim().length).toBeGreaterThan(0);
          });
        }),
      );
    });

    it('gives back the words in order when no word is longer than a part', () => {
      fc.assert(
        fc.property(text, maxLength, (input, max) => {
          const parts = splitAnswer(input, max);
          // Units a part can hold: text between breakable spaces (no-break spaces glue words).
          const longest = Math.max(...input.split(/[^\S\u00A0](?![?!:;»])/).map((u) => u.length));
          const room = max - `(Suite ${parts.length}/${parts.length})\n`.length;
          const glued = parts.map(bodyOf).join('\n');
          expect(glued.replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
          if (longest <= room) expect(words(glued)).toEqual(words(input));
        }),
      );
    });

    it('keeps the last part within its own limit and every word in order', () => {
      fc.assert(
        fc.property(text, maxLength, fc.integer({ min: 20, max: 120 }), (input, max, last) => {
          const parts = splitAnswer(input, max, last);
          if (parts.length <= 1) return expect(input.trim().length).toBeLessThanOrEqual(Math.max(max, last));
          expect((parts.at(-1) ?? '').length).toBeLessThanOrEqual(Math.min(max, last));
          for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
          expect(parts.map(bodyOf).join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
        }),
      );
    });

    it('keeps every non-space character of any text in order', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), fc.integer({ min: 16, max: 120 }), (input, max) => {
          const parts = splitAnswer(input, max);
          for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
          const glued = parts.length === 1 ? (parts[0] ?? '') : parts.map(bodyOf).join('');
          expect(glued.replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
        }),
      );
    });
  });
});
