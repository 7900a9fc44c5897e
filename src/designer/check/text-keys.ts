/**
 * Which text of the machine's folder a reply comes from, so a problem can say `categories[4].intro` rather
 * than quote a sentence. Built from the folder's exports (its `texts`, its menu data): every string found
 * in them, by its key path. Functions inside (a greeting with a name) are called with no argument.
 */

import type { OutboundMessage } from '../../domain/outbound.js';

/** Finds the key of a text. */
export interface TextKeys {
  /** The key path of `text` (`texts.menu.body`), or undefined when no text of the folder is exactly it. */
  keyOf(text: string): string | undefined;
}

const MAX_DEPTH = 8;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

const keyPath = (path: string, key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}["${key}"]`);

/**
 * Indexes the strings of `content` (export name → value). A machine definition among the exports is skipped.
 *
 * @example
 * indexTexts({ texts }).keyOf(texts.help); // 'texts.help'
 */
export function indexTexts(content: Readonly<Record<string, unknown>>): TextKeys {
  const keys = new Map<string, string>();
  const walk = (value: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      if (value.trim() !== '' && !keys.has(value)) keys.set(value, path);
    } else if (typeof value === 'function' && depth > 0) {
      try {
        walk((value as () => unknown)(), path, depth + 1);
      } catch {
        // A text that needs its argument cannot be indexed; the texts rule reports it.
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    } else if (isPlainObject(value) && !('machine' in value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, keyPath(path, key), depth + 1);
    }
  };
  for (const [name, value] of Object.entries(content)) walk(value, name, 0);
  return { keyOf: (text) => keys.get(text) };
}

/** An index that knows no text: problems then name fields only. */
export const NO_TEXT_KEYS: TextKeys = { keyOf: () => undefined };

/**
 * The key of the text a message is built on (its body, or a text's text), for messages naming a list or a
 * question: `the list categories[4].intro`.
 *
 * @example
 * messageTextKey(message, keys); // 'categories[4].intro'
 */
export function messageTextKey(message: OutboundMessage, keys: TextKeys): string | undefined {
  if (message.type === 'text') return keys.keyOf(message.text);
  return keys.keyOf(message.body) ?? (message.type === 'list' ? keys.keyOf(message.sections[0]?.title ?? '') : undefined);
}

/** ` (text categories[4].intro)`, or nothing when the message's text has no key. */
export function textNote(message: OutboundMessage, keys: TextKeys): string {
  const key = messageTextKey(message, keys);
  return key === undefined ? '' : ` (text ${key})`;
}
