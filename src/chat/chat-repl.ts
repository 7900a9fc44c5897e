import { createInterface } from 'node:readline';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { ChatSession } from './chat-session.js';
import { readInput, type ChatInput } from './read-input.js';

/** The terminal the chat runs in: lines come from `input`, everything printed goes through `write`. */
export interface ChatIo {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
  readonly write: (text: string) => void;
}

/**
 * The lines printed before the first prompt: which machine, which CSS API, which commands.
 *
 * @example
 * write(chatBanner(machines['css-assistant'], config.cssApiUrl));
 */
export function chatBanner(definition: MachineDefinition, cssApiUrl: string): string {
  return [
    `Chat with ${definition.id} v${definition.version}${definition.description ? ` — ${definition.description}` : ''}`,
    `CSS_API_URL: ${cssApiUrl}`,
    'Type a message and press Enter. A choice is picked by its number or its title.',
    'Commands: /state (state and context), /reset (start over as a new user), /quit or Ctrl-D (leave).',
    '',
    '',
  ].join('\n');
}

/**
 * Reads lines until `/quit` or the end of the input and plays each one: a command, a pick, or a text. The next
 * prompt appears only once the bot has finished answering, so piped input is played strictly in order and
 * gives the same transcript every time (each line is echoed after its prompt when the input is not a TTY).
 *
 * @example
 * await runChatRepl(chat.session, { input: process.stdin, output: process.stdout, write });
 */
export async function runChatRepl(session: ChatSession, io: ChatIo): Promise<void> {
  const tty = io.input.isTTY === true;
  const lines = createInterface({ input: io.input, output: io.output, terminal: tty, prompt: '> ' });
  // Without a listener, readline would only pause on Ctrl-C: leave as on Ctrl-D instead.
  lines.on('SIGINT', () => lines.close());
  lines.prompt();
  for await (const line of lines) {
    if (!tty) io.write(`${line}\n`);
    const input = readInput(line, session.choices);
    if (input.type === 'command' && input.command === 'quit') break;
    await play(session, input, io.write);
    lines.prompt();
  }
  lines.close();
  io.write('\n');
}

async function play(session: ChatSession, input: ChatInput, write: (text: string) => void): Promise<void> {
  switch (input.type) {
    case 'empty':
      return;
    case 'command':
      write(input.command === 'state' ? await session.describeState() : session.reset());
      return;
    case 'choice':
      write(`→ ${input.choice.title}\n\n`);
      return session.say(input);
    case 'text':
      return session.say(input);
  }
}
