/**
 * What a whole typed message means, from word lists a designer keeps with a machine's texts: `merci`, `aide svp`,
 * `Jërëjëf`, `je veux ma pension`. Phrases and messages are compared in one normal form (see {@link phraseKey}), so
 * a list entry matches however a user types it, and two entries that would meet are found before shipping
 * ({@link findVocabularyProblems}, run by `npm run check`).
 */

import { foldText } from './match-command.js';

/**
 * Word lists by meaning (`thanks`, `aide`, `goodbye`…), and the filler words that never change what a message
 * means (`svp`, `stp`, `le`, `je veux`): "le menu stp" means `menu`.
 *
 * @example
 * const vocabulary: Vocabulary = { meanings: { aide: ['aide', 'help'], thanks: ['merci', 'jërëjëf'] }, fillers: ['svp'] };
 */
export interface Vocabulary {
  readonly meanings: Readonly<Record<string, readonly string[]>>;
  readonly fillers: readonly string[];
}

/** Letters or digits (in any script): what words are made of. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Pictographs, keeping the emoji a message is made of once modifiers and joiners are gone. */
const MODIFIERS = /\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}|\uFE0E|\uFE0F|\u200D/gu;

/**
 * The normal form messages and list entries are compared in: folded (case, accents), apostrophes and
 * punctuation as spaces, filler words dropped, then spaces removed and runs of one letter shortened
 * (`Merciii` → `merci`, `salaam alekoum` → `salamalekoum`). A message of emoji alone keeps its emoji.
 *
 * @example
 * phraseKey('Le MENU, stp !', ['le', 'stp']) // 'menu'
 * phraseKey('Jërëjëf 🙏', [])                // 'jerejef'
 * phraseKey('👍🏾👍', [])                     // '👍'
 */
export function phraseKey(text: string, fillers: readonly string[]): string {
  return keyOf(text, new Set(fillers.map((filler) => foldText(filler))));
}

/** {@link phraseKey} with the fillers already folded: a reader folds them once, not once per message. */
function keyOf(text: string, drop: ReadonlySet<string>): string {
  const folded = foldText(text).replace(MODIFIERS, '');
  if (!WORD_CHARACTER.test(folded)) return squeeze(folded.replace(/[^\p{Extended_Pictographic}]/gu, ''));
  const words = folded
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => !drop.has(word));
  return squeeze(words.join(''));
}

/** Runs of one character shortened to one: typing `okkk` or `bonjourrr` changes nothing. */
const squeeze = (text: string): string => [...text].filter((char, i, all) => char !== all[i - 1]).join('');

/** Fillers as single words, in the normal form `phraseKey` drops them in. */
const fillerWords = (vocabulary: Vocabulary): string[] =>
  vocabulary.fillers.flatMap((filler) => foldText(filler).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' '));

/**
 * A reader of whole messages: the meaning a message stands for, or `undefined` when it is none of them (a
 * question, say). Built once per vocabulary; each call is one normalisation and one map look-up.
 *
 * @example
 * const meaningOf = createMeaningReader({ meanings: { thanks: ['merci'] }, fillers: ['beaucoup'] });
 * meaningOf('Merci beaucoup !') // 'thanks'
 * meaningOf('merci de me dire le taux') // undefined
 */
export function createMeaningReader(vocabulary: Vocabulary): (text: string) => string | undefined {
  const fillers = fillerWords(vocabulary);
  const byKey = new Map<string, string>();
  for (const [meaning, phrases] of Object.entries(vocabulary.meanings)) {
    for (const phrase of phrases) {
      const key = phraseKey(phrase, fillers);
      if (key !== '' && !byKey.has(key)) byKey.set(key, meaning);
    }
  }
  const drop = new Set(fillers);
  return (text) => {
    const key = keyOf(text, drop);
    return key === '' ? undefined : byKey.get(key);
  };
}

/** A problem in word lists, named like the machine check's findings (state `(words)`, the entry's path). */
export interface VocabularyProblem {
  readonly state: '(words)';
  readonly field: string;
  readonly message: string;
}

/**
 * Entries that cannot work as written: one that would also match another meaning's entry (the machine would
 * pick whichever comes first), one made only of filler words (it can never match), and one that is a number
 * (numbers pick list rows).
 *
 * @example
 * findVocabularyProblems({ meanings: { thanks: ['merci'], acknowledgement: ['Merci !'] }, fillers: [] });
 * // [{ state: '(words)', field: 'acknowledgement[0]', message: '"Merci !" reads as "merci", already listed under thanks[0]: …' }]
 */
export function findVocabularyProblems(vocabulary: Vocabulary): VocabularyProblem[] {
  const fillers = fillerWords(vocabulary);
  const seen = new Map<string, { meaning: string; field: string }>();
  const problems: VocabularyProblem[] = [];
  for (const [meaning, phrases] of Object.entries(vocabulary.meanings)) {
    phrases.forEach((phrase, index) => {
      const field = `${meaning}[${index}]`;
      const key = phraseKey(phrase, fillers);
      const earlier = seen.get(key);
      if (key === '') {
        problems.push({ state: '(words)', field, message: `"${phrase}" is only filler words or punctuation: it can never match; remove it or remove the filler` });
      } else if (/^\d+$/.test(key)) {
        problems.push({ state: '(words)', field, message: `"${phrase}" is a number: typed numbers pick list rows; use a word` });
      } else if (earlier && earlier.meaning !== meaning) {
        problems.push({
          state: '(words)',
          field,
          message: `"${phrase}" reads as "${key}", already listed under ${earlier.field}: a message cannot mean both; keep it in one list`,
        });
      } else if (!earlier) {
        seen.set(key, { meaning, field });
      }
    });
  }
  return problems;
}
