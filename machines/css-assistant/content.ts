/**
 * Everything the CSS assistant says and understands, as one value: its texts, its menu and its word lists.
 * The machine is built from a content (`createCssAssistant`), so another wording, another language or a
 * menu with one more category is a new content, never a change to the chart.
 */

import { categories, texts, type CategoryText } from './texts.fr.js';
import { words } from './words.fr.js';

/** The texts, menu and word lists a CSS assistant is built from; the French one is `frenchContent`. */
export interface CssAssistantContent {
  readonly texts: typeof texts;
  readonly categories: readonly CategoryText[];
  readonly words: typeof words;
}

/** The French content of `texts.fr.ts` and `words.fr.ts`. */
export const frenchContent: CssAssistantContent = { texts, categories, words };
