/**
 * The real server as a child process (`node dist/src/main.js`, built by `npm test`'s pretest), so tests can
 * kill -9 it, pause it, SIGTERM it and run several on one Redis, exactly as an operator would.
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signBody, toWire, type WebhookBody } from '../builders/payloads.js';

const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));
const LISTENING = /"msg":"webhook server listening on http:\/\/localhost:\d+"/;

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface SpawnedServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Every line the process wrote (stdout and stderr), oldest first. */
  readonly logs: string[];
  /** Resolves when the process exits, however it ends. */
  readonly exited: Promise<ExitStatus>;
  /** Sends `signal` and resolves with the exit code once the process is gone (`null` when a signal ended it). */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Sends a signal without waiting (SIGSTOP / SIGCONT). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the first log line matching `pattern` (already written or to come); rejects after `timeoutMs`. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** Every server spawned by this test file and not yet gone, for {@link killAllServers}. */
const running = new Set<SpawnedServer>();

/**
 * Starts the server with `env` (plus PATH, PORT=0, LOG_LEVEL=info) and resolves once it listens; rejects
 * with its output if it exits first or does not listen within 15 s.
 *
 * @example
 * const a = await spawnServer({ REDIS_URL, KEY_PREFIX, WHATSAPP_API_URL: graph.baseUrl, ... });
 * await postSigned(a.url, webhookBody(textMessage({ body: 'bonjour' })), SECRET);
 * expect(await a.kill('SIGTERM')).toBe(0);
 */
export function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const watchers = new Set<(line: string) => void>();
  const collect = (stream: NodeJS.ReadableStream | null): void => {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        for (const watch of [...watchers]) watch(line);
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise<ExitStatus>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const waitForLog = (pattern: RegExp, timeoutMs = 10_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const found = logs.find((line) => pattern.test(line));
      if (found !== undefined) return resolve(found);
      const timer = setTimeout(() => {
        watchers.delete(watch);
        reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms; output:\n${logs.slice(-30).join('\n')}`));
      }, timeoutMs);
      const watch = (line: string): void => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        watchers.delete(watch);
        resolve(line);
      };
      watchers.add(watch);
    });

  return new Promise<SpawnedServer>((resolve, reject) => {
    let started = false;
    const fail = (why: string): void => {
      if (started) return;
      child.kill('SIGKILL');
      reject(new Error(`server ${why}; output:\n${logs.join('\n')}`));
    };
    void exited.then((status) => fail(`exited before listening (${JSON.stringify(status)})`));
    waitForLog(LISTENING, 15_000).then(
      (line) => {
        started = true;
        const port = (JSON.parse(line) as { port: number }).port;
        const server: SpawnedServer = {
          url: `http://127.0.0.1:${port}`,
          port,
          pid: child.pid ?? -1,
          logs,
          exited,
          async kill(signal = 'SIGKILL') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return (await exited).code;
          },
          signal: (signal) => void child.kill(signal),
          waitForLog,
        };
        running.add(server);
        void exited.then(() => running.delete(server));
        resolve(server);
      },
      () => fail('did not listen within 15 s'),
    );
  });
}

/** SIGKILLs every server this file spawned that is still running (paused ones included): for afterEach/afterAll. */
export async function killAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.kill('SIGKILL')));
}

/** Posts a body as Meta does (escaped wire form, `X-Hub-Signature-256`); resolves with the HTTP status. */
export async function postSigned(url: string, body: WebhookBody | string, secret: string): Promise<number> {
  const raw = typeof body === 'string' ? body : toWire(body);
  const response = await fetch(`${url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, secret) },
    body: raw,
  });
  await response.arrayBuffer();
  return response.status;
}
