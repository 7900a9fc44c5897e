import { foldText, matchCommand } from '../../src/domain/match-command.js';
/**
 * Pure readers of what a user typed, used by the CSS assistant's guards. Kept apart from the
 * machine so the matching rules (accents, slashes, punctuation) are tested as plain tables.
 */

/** The three commands a user can type from any point of the conversation. */
export type Command = 'aide' | 'menu' | 'contact';

/** A position in the four-category menu, as typed (`1`–`4`). */
export type MenuIndex = 1 | 2 | 3 | 4;

const COMMANDS: Readonly<Record<string, Command>> = {
  aide: 'aide',
  help: 'aide',
  menu: 'menu',
  contact: 'contact',
  contacts: 'contact',
};

/**
 * The command a whole message stands for, if it is one. Case-, accent- and slash-insensitive,
 * ignoring surrounding spaces and trailing punctuation: a command inside a sentence
 * ("aide-moi à calculer…") is a question, not a command.
 *
 * @example
 * normalizeCommand(' /Aidé ') // 'aide'
 * normalizeCommand('help')    // 'aide'
 * normalizeCommand('aide-moi à remplir le formulaire') // undefined
 */
export function normalizeCommand(text: string): Command | undefined {
  return matchCommand(text, COMMANDS);
}

/** Greeting words, compared after folding and removing spaces, hyphens and apostrophes. */
const GREETINGS = new Set([
  'bonjour',
  'bjr',
  'bonsoir',
  'bsr',
  'salut',
  'slt',
  'coucou',
  'hello',
  'hi',
  'hey',
  'yo',
  'allo',
  'nangadef',
  'bonjourbonjour',
]);

/** Salam and its many spellings: salam, salamalekoum, assalamou alaykoum, salam aleykum… */
const SALAM = /^(?:as+)?sala+m+(?:ou?|u)?(?:a?l[ae]i?y?ko?u?m)?$/;

/** Polite words that may follow a greeting without turning it into a question. */
const COURTESY = /(?:atous|avous|atoutes|monsieur|madame|mademoiselle|lacss|css|tout(?:le)?monde)$/;

/**
 * Whether the whole message is only a greeting ("Bonjour !", "salam aleykoum", "Hi 👋"),
 * so the bot greets back instead of sending it to the CSS API as a question.
 *
 * @example
 * isGreeting('Bonjour !')        // true
 * isGreeting('bonjour, ma pension ?') // false
 */
export function isGreeting(text: string): boolean {
  const compact = foldText(text).replace(/[^\p{L}\p{N}]/gu, '');
  if (compact === '') return false;
  const bare = compact.replace(COURTESY, '');
  return [compact, bare].some((word) => GREETINGS.has(word) || SALAM.test(word));
}

/**
 * The menu position a message picks, when it is only a digit from 1 to 4 (optionally `1.` or `1)`),
 * so users who type the number instead of tapping the list still get there.
 *
 * @example
 * menuIndex(' 2 ') // 2
 * menuIndex('12')  // undefined
 */
export function menuIndex(text: string): MenuIndex | undefined {
  const match = /^([1-4])\s*[.)]?$/.exec(text.trim());
  return match ? (Number(match[1]) as MenuIndex) : undefined;
}
