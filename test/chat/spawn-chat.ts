/**
 * The real `npm run chat` as a child process (`node dist/bin/chat.js`, built by `npm test`'s pretest), driven
 * through its standard input and read from its standard output, as a designer would use it.
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from '../support/eventually.js';

const CHAT = fileURLToPath(new URL('../../dist/bin/chat.js', import.meta.url));
/** The prompt the chat prints once the bot has finished answering. */
const PROMPT = /(^|\n)> $/;

export interface SpawnedChat {
  /** Everything written to stdout so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code once the process is gone. */
  readonly exited: Promise<number | null>;
  /** Resolves once the first prompt is printed; returns the banner. */
  ready(): Promise<string>;
  /** Types one line and resolves with what was printed until the next prompt (the echo of the line included). */
  say(line: string): Promise<string>;
  /** Writes raw text to stdin, without waiting. */
  write(text: string): void;
  /** Closes stdin (Ctrl-D). */
  end(): void;
  kill(): void;
}

/**
 * Starts the chat with `args` and `env` (plus PATH), in `cwd` when given (the project root it watches);
 * stdout is accumulated and polled with deadlines.
 *
 * @example
 * const chat = spawnChat([], { CSS_API_URL: css.url });
 * await chat.ready();
 * expect(await chat.say('bonjour')).toContain('1) Menu');
 */
export function spawnChat(args: readonly string[], env: Record<string, string>, cwd?: string): SpawnedChat {
  const child = spawn(process.execPath, [CHAT, ...args], {
    ...(cwd === undefined ? {} : { cwd }),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const promptAfter = (from: number, timeoutMs: number): Promise<string> =>
    eventually(
      () => {
        const printed = out.slice(from);
        if (PROMPT.test(printed)) return printed;
        if (child.exitCode !== null) throw new Error(`chat exited (${child.exitCode}); stderr:\n${err}`);
        throw new Error(`no prompt yet; printed:\n${printed}\nstderr:\n${err}`);
      },
      timeoutMs,
    );

  return {
    stdout: () => out,
    stderr: () => err,
    exited,
    ready: () => promptAfter(0, 10_000),
    say(line) {
      const from = out.length;
      child.stdin.write(`${line}\n`);
      return promptAfter(from, 10_000);
    },
    write: (text) => void child.stdin.write(text),
    end: () => void child.stdin.end(),
    kill: () => void child.kill('SIGKILL'),
  };
}
