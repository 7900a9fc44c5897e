/**
 * Where a conversation's language comes from, for every machine: the runtime (`START_LOCALE`, `npm run chat --
 * --lang`), the user's earlier session (`remember`), or a guess from the first message; French when nothing tells.
 */

import type { ConversationInput, UserEvent } from '../../src/domain/conversation.js';
import { isLocale, type Locale, REFERENCE_LOCALE } from '../../src/domain/locale.js';
import { guessLocale } from './guess-locale.js';

/** The part of a machine's context that holds its language. */
export interface LocaleContext {
  /** Unset until something tells: the conversation then speaks French. */
  readonly locale?: Locale;
}

/** The locale a new session starts in: given by the runtime, or remembered from the user's earlier session. */
export const startingLocale = (input: ConversationInput): Locale | undefined => {
  const remembered = input.returning?.remembered['locale'];
  return input.locale ?? (isLocale(remembered) ? remembered : undefined);
};

/** The context fields a new session starts with: its locale when known. */
export const localeFrom = (input: ConversationInput): LocaleContext => {
  const locale = startingLocale(input);
  return locale === undefined ? {} : { locale };
};

/** The locale a conversation speaks now. */
export const localeOf = (context: LocaleContext): Locale => context.locale ?? REFERENCE_LOCALE;

/**
 * The locale after a new session's first message: the known one, else a guess from what was typed.
 *
 * @example
 * guessLocale: assign({ locale: ({ context, event }) => localeAfterFirstMessage(context, event) }),
 */
export const localeAfterFirstMessage = (context: LocaleContext, event: UserEvent): Locale | undefined =>
  context.locale ?? (event.type === 'user.text' ? guessLocale(event.text) : undefined);

/**
 * What a machine remembers of a user across sessions: their language, when known.
 *
 * @example
 * const definition: MachineDefinition = { …, remember: rememberLocale };
 */
export const rememberLocale = (context: unknown): Readonly<Record<string, unknown>> => {
  const locale = (context as LocaleContext | undefined)?.locale;
  return isLocale(locale) ? { locale } : {};
};
