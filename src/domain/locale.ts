/**
 * The languages a conversation can speak. French is the reference: every message exists in French, and a message
 * missing in another locale is said in French (`npm run check` lists what is missing).
 */

/** Every locale a machine's messages may be written in, reference first. */
export const LOCALES = ['fr', 'en', 'wo'] as const;

/** A locale a conversation can speak: `fr` (French, the reference), `en` (English) or `wo` (Wolof). */
export type Locale = (typeof LOCALES)[number];

/** The locale every message exists in, and the one a conversation speaks until another is guessed or chosen. */
export const REFERENCE_LOCALE: Locale = 'fr';

/**
 * Whether `value` names a locale (from a remembered session, a command-line flag, an input).
 *
 * @example
 * isLocale('wo') // true
 * isLocale('de') // false
 */
export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The values a message's variables take: texts, or numbers (which plural rules select on). */
export type MessageArgs = Readonly<Record<string, string | number>>;

/**
 * A machine's messages, by id, in every locale: what machines format their texts with. A message missing in a
 * locale comes in the reference locale.
 *
 * @example
 * messages.format('wo', 'welcome', { name: 'Awa' }) // 'Dalal ak jàmm Awa ! …'
 */
export interface Messages {
  /** The message `id` (or its attribute `attribute`) in `locale`, its variables filled in. */
  format(locale: Locale, id: string, args?: MessageArgs, attribute?: string): string;
}
