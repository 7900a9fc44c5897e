import type { AgentEvent } from '../domain/conversation.js';
import type { ChatChoice } from './format-message.js';

/** What one typed line means in the chat. */
export type ChatInput =
  | { readonly type: 'empty' }
  | { readonly type: 'command'; readonly command: 'state' | 'reset' | 'quit' }
  | { readonly type: 'choice'; readonly choice: ChatChoice }
  | { readonly type: 'text'; readonly body: string }
  /** The person at the terminal acting as the live agent: a reply (`/agent …`) or the hand-back (`/resolve`). */
  | { readonly type: 'agent'; readonly event: AgentEvent }
  /** A line the chat cannot play (a `/tap` that matches no choice): said to the designer, not sent. */
  | { readonly type: 'error'; readonly message: string };

const COMMANDS: Readonly<Record<string, 'state' | 'reset' | 'quit'>> = {
  '/state': 'state',
  '/reset': 'reset',
  '/quit': 'quit',
  '/exit': 'quit',
};

/** Lower case, accents removed, inner spaces collapsed: how a tapped title is compared to a choice's. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const listed = (choices: readonly ChatChoice[]): string => choices.map((choice, i) => `${i + 1}) ${choice.title} [${choice.id}]`).join(', ');

/** The choice `/tap <what>` names: its number, its id, or its title (case- and accent-insensitive). */
function tapOf(what: string, choices: readonly ChatChoice[]): ChatInput {
  if (what === '') return { type: 'error', message: 'usage: /tap <number>, /tap <id> or /tap <title> of a choice shown' };
  if (choices.length === 0) return { type: 'error', message: 'nothing to tap: the last message has no buttons and no list' };
  const byNumber = /^\d{1,3}$/.test(what) ? choices[Number(what) - 1] : undefined;
  const choice = byNumber ?? choices.find((c) => c.id === what) ?? choices.find((c) => fold(c.title) === fold(what));
  return choice ? { type: 'choice', choice } : { type: 'error', message: `no choice "${what}" here: ${listed(choices)}` };
}

/**
 * Reads a typed line as a phone would send it: a plain line is typed text, digits included (`2` is the text "2",
 * which the machine may read as a row number); a tap on a button or a list row is `/tap <number>` (or its id or
 * title) among `choices`, those of the last interactive message. Chat commands: `/state`, `/reset`, `/quit`; as the
 * live agent: `/agent <text>`, `/resolve`.
 * Other slash words (`/aide`) are texts: the machine may treat them as its own commands.
 *
 * @example
 * readInput('/tap 2', choices)  // { type: 'choice', choice: choices[1] }
 * readInput('2', choices)       // { type: 'text', body: '2' }
 * readInput('/tap menu', [])    // { type: 'error', message: 'nothing to tap: …' }
 */
export function readInput(line: string, choices: readonly ChatChoice[]): ChatInput {
  const trimmed = line.trim();
  if (trimmed === '') return { type: 'empty' };
  const command = COMMANDS[trimmed.toLowerCase()];
  if (command) return { type: 'command', command };
  const tap = /^\/tap(?:\s+(.*))?$/i.exec(trimmed);
  if (tap) return tapOf(tap[1]?.trim() ?? '', choices);
  if (/^\/resolve$/i.test(trimmed)) return { type: 'agent', event: { type: 'agent.resolved' } };
  const agent = /^\/agent(?:\s+(.*))?$/i.exec(trimmed);
  if (agent) {
    const text = agent[1]?.trim() ?? '';
    return text === '' ? { type: 'error', message: 'usage: /agent <what the agent answers>' } : { type: 'agent', event: { type: 'agent.message', text } };
  }
  return { type: 'text', body: trimmed };
}
