import { createInterface } from 'node:readline';
import type { AgentEvent } from '../domain/conversation.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { ChatUtterance } from './chat-session.js';
import type { ChatChoice } from './format-message.js';
import { readInput, type ChatInput } from './read-input.js';

/** The terminal the chat runs in: lines come from `input`, everything printed goes through `write`. */
export interface ChatIo {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
  readonly write: (text: string) => void;
  /** Receives the function that shows the prompt again, for text printed between two lines (watch mode). */
  readonly onPrompt?: (prompt: () => void) => void;
}

/** What the REPL talks to: a chat session, or the watch mode's session that replays after a reload. */
export interface ChatDriver {
  /** The choices `/tap` picks from now: those of the last interactive message. */
  readonly choices: readonly ChatChoice[];
  say(utterance: ChatUtterance): Promise<void>;
  /** The person at the terminal, as the live agent, replies or hands back. */
  actAsAgent(event: AgentEvent): Promise<void>;
  describeState(): Promise<string>;
  reset(): string;
}

/**
 * The lines printed before the first prompt: which machine, which CSS API, how to type and tap.
 *
 * @example
 * write(chatBanner(machines['css-assistant'], config.cssApiUrl));
 */
export function chatBanner(definition: MachineDefinition, cssApiUrl: string, watching = false): string {
  return [
    `Chat with ${definition.id} v${definition.version}${definition.description ? ` — ${definition.description}` : ''}`,
    `CSS_API_URL: ${cssApiUrl}. Conversations live in this process's memory only: nothing is stored in Redis.`,
    'A line you type is sent as typed text, digits included, as on a phone. Tap a button or a list row with',
    '/tap <number> (or /tap <id>, /tap <title>).',
    'Commands: /tap, /state (state and context), /reset (start over as a new user), /quit or Ctrl-D (leave).',
    'Live agent: ask for one ("agent"), then answer as the agent with /agent <text> and hand back with /resolve.',
    ...(watching
      ? ['Watching machines/: on save the machine is rebuilt, your messages are replayed to where you were, and the check runs.']
      : []),
    '',
    '',
  ].join('\n');
}

/**
 * Reads lines until `/quit` or the end of the input and plays each one: a command, a tap, or a text. The next
 * prompt appears only once the bot has finished answering, so piped input is played strictly in order and
 * gives the same transcript every time (each line is echoed after its prompt when the input is not a TTY).
 *
 * @example
 * await runChatRepl(chat.session, { input: process.stdin, output: process.stdout, write });
 */
export async function runChatRepl(driver: ChatDriver, io: ChatIo): Promise<void> {
  const tty = io.input.isTTY === true;
  const lines = createInterface({ input: io.input, output: io.output, terminal: tty, prompt: '> ' });
  // Without a listener, readline would only pause on Ctrl-C: leave as on Ctrl-D instead.
  lines.on('SIGINT', () => lines.close());
  io.onPrompt?.(() => lines.prompt(true));
  lines.prompt();
  for await (const line of lines) {
    if (!tty) io.write(`${line}\n`);
    const input = readInput(line, driver.choices);
    if (input.type === 'command' && input.command === 'quit') break;
    await play(driver, input, io.write);
    lines.prompt();
  }
  lines.close();
  io.write('\n');
}

async function play(driver: ChatDriver, input: ChatInput, write: (text: string) => void): Promise<void> {
  switch (input.type) {
    case 'empty':
      return;
    case 'error':
      write(`⚠️  ${input.message}\n\n`);
      return;
    case 'command':
      write(input.command === 'state' ? await driver.describeState() : driver.reset());
      return;
    case 'choice':
      write(`→ ${input.choice.title}\n\n`);
      return driver.say(input);
    case 'text':
      return driver.say(input);
    case 'agent':
      return driver.actAsAgent(input.event);
  }
}
