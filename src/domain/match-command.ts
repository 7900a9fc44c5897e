/**
 * Text matching shared by conversation machines: what users type is compared case-, accent-, space- and
 * slash-insensitively, as a whole message.
 */

/** Lower case, accents removed, inner spaces collapsed, trimmed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The entry of `table` a whole message names, ignoring case, accents, a leading `/` and trailing punctuation:
 * a command inside a sentence ("aide-moi à calculer…") matches nothing.
 *
 * @example
 * matchCommand(' /Aidé ! ', { aide: 'aide', help: 'aide' }) // 'aide'
 */
export function matchCommand<T>(text: string, table: Readonly<Record<string, T>>): T | undefined {
  const word = foldText(text)
    .replace(/^\/\s*/, '')
    .replace(/[\s.!?…]+$/u, '');
  return Object.hasOwn(table, word) ? table[word] : undefined;
}
