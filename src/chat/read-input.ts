import type { ChatChoice } from './format-message.js';

/** What one typed line means in the chat. */
export type ChatInput =
  | { readonly type: 'empty' }
  | { readonly type: 'command'; readonly command: 'state' | 'reset' | 'quit' }
  | { readonly type: 'choice'; readonly choice: ChatChoice }
  | { readonly type: 'text'; readonly body: string };

const COMMANDS: Readonly<Record<string, 'state' | 'reset' | 'quit'>> = {
  '/state': 'state',
  '/reset': 'reset',
  '/quit': 'quit',
  '/exit': 'quit',
};

/** Lower case, accents removed, inner spaces collapsed: how a typed title is compared to a choice's. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Reads a typed line: a chat command (`/state`, `/reset`, `/quit`), a pick among `choices` (those of the last
 * interactive message) by number (`2`, `2.`, `2)`) or by title (case- and accent-insensitive), or else a text
 * sent trimmed. Other slash words (`/aide`) are texts: the machine may treat them as its own commands.
 *
 * @example
 * readInput('2', choices)       // { type: 'choice', choice: choices[1] }
 * readInput('PROCEDURES', rows) // the row titled "Procédures"
 * readInput('bonjour', [])      // { type: 'text', body: 'bonjour' }
 */
export function readInput(line: string, choices: readonly ChatChoice[]): ChatInput {
  const trimmed = line.trim();
  if (trimmed === '') return { type: 'empty' };
  const command = COMMANDS[trimmed.toLowerCase()];
  if (command) return { type: 'command', command };
  const number = /^(\d{1,3})\s*[.)]?$/.exec(trimmed);
  const byNumber = number ? choices[Number(number[1]) - 1] : undefined;
  if (byNumber) return { type: 'choice', choice: byNumber };
  const folded = fold(trimmed);
  const byTitle = choices.find((choice) => fold(choice.title) === folded);
  if (byTitle) return { type: 'choice', choice: byTitle };
  return { type: 'text', body: trimmed };
}
