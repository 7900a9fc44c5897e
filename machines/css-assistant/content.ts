/**
 * Everything the CSS assistant says and understands, as one value: its messages in every locale, its menu and its
 * word lists. The machine is built from a content (`createCssAssistant`), so another wording, another language or a
 * menu with one more category is a new content, never a change to the chart.
 */

import type { Locale, Messages } from '../../src/domain/locale.js';
import { FluentMessages } from '../../src/i18n/fluent-messages.js';
import { readMachineLocales } from '../../src/i18n/locale-files.js';
import { type MenuCategory, menu } from './menu.js';
import { type CategoryText, type CssAssistantTexts, categoriesIn, textsIn } from './texts.js';
import { words } from './words.fr.js';

/** The messages, menu and word lists a CSS assistant is built from; the shipped one is `frenchContent`. */
export interface CssAssistantContent {
  readonly messages: Messages;
  readonly menu: readonly MenuCategory[];
  readonly words: typeof words;
}

/** The messages of `machines/css-assistant/locales/*.ftl`. */
export const messages = new FluentMessages(readMachineLocales('css-assistant', import.meta.url));

/** The shipped content: the messages of `locales/`, the menu of `menu.ts`, the words of `words.fr.ts`. */
export const frenchContent: CssAssistantContent = { messages, menu, words };

/** What a content says in one locale: its texts and its menu. */
export interface LocalizedContent {
  readonly texts: CssAssistantTexts;
  readonly categories: readonly CategoryText[];
}

/**
 * The content's texts and menu in `locale`, formatted once per locale.
 *
 * @example
 * const speak = localizer(frenchContent);
 * speak('en').texts.help
 */
export function localizer(content: CssAssistantContent): (locale: Locale) => LocalizedContent {
  const cache = new Map<Locale, LocalizedContent>();
  return (locale) => {
    let localized = cache.get(locale);
    if (localized === undefined) {
      localized = { texts: textsIn(content.messages, locale), categories: categoriesIn(content.messages, content.menu, locale) };
      cache.set(locale, localized);
    }
    return localized;
  };
}
