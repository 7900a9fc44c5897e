/**
 * Guessing the language of a new session from its first message: greetings and common words of each locale,
 * counted. A guess only sets where a conversation starts; the user changes it at any time (`langue`, `language`,
 * `làkk`).
 */

import type { Locale } from '../../src/domain/locale.js';
import { foldText } from '../../src/domain/match-command.js';

/** Words and greetings that give a language away, folded (no accents, lower case). */
export type LocaleCues = Readonly<Record<Locale, readonly string[]>>;

/**
 * Cues shared by every machine. Greetings weigh as much as several words: `salut` alone is French. Words shared by
 * two languages (`ok`, `merci` said in Wolof too) are left out; so is `salaam aleekum`, said by everyone in Senegal whatever
 * their language.
 */
export const LOCALE_CUES: LocaleCues = {
  fr: [
    'bonjour', 'bonsoir', 'salut', 'coucou', 'comment', 'pourquoi', 'quand', 'quel', 'quelle', 'quels', 'est', 'je',
    'mon', 'ma', 'mes', 'les', 'des', 'une', 'pour', 'avec', 'dans', 'sur', 'vous', 'suis', 'faire', 'puis', 'beaucoup',
  ],
  en: [
    'hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening', 'thanks', 'thank you', 'how', 'what', 'when',
    'where', 'why', 'which', 'is', 'are', 'my', 'the', 'do', 'does', 'can', 'i', 'to', 'of', 'for', 'get', 'please', 'you',
  ],
  wo: [
    'nanga def', 'na nga def', 'naka nga def', 'mangi fi', 'jamm nga fanaan', 'jamm nga yendoo', 'jerejef', 'jere jef', 'waaw', 'deedeet', 'dama', 'damay', 'begg', 'bugg', 'naka', 'lan', 'ana',
    'nan', 'nu', 'ngir', 'dafa', 'ak', 'yi', 'bi', 'ci', 'sama', 'fan', 'kan',
  ],
};

/** A phrase of several words counts this much: a whole greeting says more than a common word. */
const PHRASE_WEIGHT = 3;

/**
 * The locale a message is most likely written in, or `undefined` when nothing tells (a number, an emoji, a tie).
 *
 * @example
 * guessLocale('Nanga def') // 'wo'
 * guessLocale('How do I declare an accident?') // 'en'
 * guessLocale('123') // undefined
 */
export function guessLocale(text: string, cues: LocaleCues = LOCALE_CUES): Locale | undefined {
  const words = foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (words === '') return undefined;
  const padded = ` ${words} `;
  const tokens = new Set(words.split(' '));
  const scores = (Object.entries(cues) as [Locale, readonly string[]][]).map(([locale, list]) => {
    const score = list.reduce((sum, cue) => {
      if (cue.includes(' ')) return sum + (padded.includes(` ${cue} `) ? PHRASE_WEIGHT : 0);
      return sum + (tokens.has(cue) ? 1 : 0);
    }, 0);
    return { locale, score };
  });
  const [best, second] = scores.sort((a, b) => b.score - a.score);
  if (best === undefined || best.score === 0 || best.score === second?.score) return undefined;
  return best.locale;
}
