/**
 * How the CSS assistant reads a message, built from its content: the meaning of whole messages (commands,
 * small talk, requests for a person), the categories and topics a tap or a typed number picks. Pure functions
 * the machine's guards and actions call; tested as tables.
 */

import type { UserEvent } from '../../src/domain/conversation.js';
import { createMeaningReader } from '../../src/domain/vocabulary.js';
import type { Locale } from '../../src/domain/locale.js';
import { typedNumber, wordsOf } from '../kit/index.js';
import type { CssAssistantContent } from './content.js';
import type { MenuCategory, MenuTopic } from './menu.js';
import type { Meaning } from './words.fr.js';

/** What a whole message means: a meaning of the word lists, or a lone `?` (someone unsure what to do). */
export type Reading = Meaning | 'questionMark';

/** The small talk the assistant answers itself, briefly, with its buttons. */
export const SMALL_TALK: ReadonlySet<Reading> = new Set(['thanks', 'acknowledgement', 'goodbye', 'questionMark']);

/** The meanings that pick a locale. */
const LOCALE_OF_MEANING: Partial<Record<Reading, Locale>> = { french: 'fr', english: 'en', wolof: 'wo' };

const NO_WORDS = /^[^\p{L}\p{N}]+$/u;

/** The readers of one content; see {@link createReading}. */
export type Readers = ReturnType<typeof createReading>;

/**
 * The readers for `content`.
 *
 * @example
 * const read = createReading(frenchContent);
 * read.meaningOf({ type: 'user.text', text: 'aide svp', at: 0 }) // 'aide'
 * read.categoryByNumber({ type: 'user.text', text: '2', at: 0 })?.id // 'prestations'
 * read.localeChosen({ type: 'user.choice', id: 'english', title: 'English', at: 0 }) // 'en'
 */
export function createReading(content: CssAssistantContent) {
  const meaningOfWords = createMeaningReader(content.words) as (text: string) => Meaning | undefined;
  const categoryById = (id: string): MenuCategory | undefined => content.menu.find((category) => category.id === id);
  const topics = content.menu.flatMap((category) => category.topics);
  const topicById = (id: string): MenuTopic | undefined => topics.find((topic) => topic.id === id);
  const numberOf = (event: UserEvent): number | undefined => (event.type === 'user.text' ? typedNumber(event.text) : undefined);

  /** The meaning of a whole message or tap; emoji or punctuation alone reads as an acknowledgement, `?` alone as unsure. */
  const read = (event: UserEvent): Reading | undefined => {
    const words = wordsOf(event);
    if (words === undefined) return undefined;
    if (numberOf(event) === 0) return 'back';
    const meaning = meaningOfWords(words);
    if (meaning !== undefined || event.type !== 'user.text' || !NO_WORDS.test(words.trim())) return meaning;
    return words.includes('?') ? 'questionMark' : 'acknowledgement';
  };
  // Every guard of a transition list asks about the same event: read it once.
  const readings = new WeakMap<UserEvent, Reading | 'none'>();
  const meaningOf = (event: UserEvent): Reading | undefined => {
    const known = readings.get(event);
    if (known !== undefined) return known === 'none' ? undefined : known;
    const reading = read(event);
    readings.set(event, reading ?? 'none');
    return reading;
  };

  return {
    meaningOf,
    /** The locale a message picks (`english`, a tap on [Wolof]…), if it picks one. */
    localeChosen: (event: UserEvent): Locale | undefined => LOCALE_OF_MEANING[meaningOf(event) ?? 'menu'],
    categoryById,
    topicById,
    numberOf,
    /** The category a tap names. */
    tappedCategory: (event: UserEvent): MenuCategory | undefined => (event.type === 'user.choice' ? categoryById(event.id) : undefined),
    /** The topic a tap names, in any category (an old list's tap still works). */
    tappedTopic: (event: UserEvent): MenuTopic | undefined => (event.type === 'user.choice' ? topicById(event.id) : undefined),
    /** The category a typed number picks in the menu. */
    categoryByNumber: (event: UserEvent): MenuCategory | undefined => {
      const number = numberOf(event);
      return number === undefined || number < 1 ? undefined : content.menu[number - 1];
    },
    /** The topic a typed number picks in the open category's list. */
    topicByNumber: (event: UserEvent, categoryId: string | undefined): MenuTopic | undefined => {
      const number = numberOf(event);
      return number === undefined || number < 1 ? undefined : categoryById(categoryId ?? '')?.topics[number - 1];
    },
  };
}
