/**
 * A throw-away `redis-server` child on a free loopback port, for tests that stop, kill, restart or cluster
 * Redis: the shared Redis at 127.0.0.1:6379 is never touched by them.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './eventually.js';

export interface RedisServerOptions {
  /** AOF persistence (`appendfsync everysec`), so a restart keeps what was acknowledged. */
  readonly appendonly?: boolean;
  /** A port chosen by the caller (the cluster needs port + 10000 free too); default: a free one from {@link freePort}. */
  readonly port?: number;
  /** Working directory (AOF, cluster config); default: a fresh temporary directory removed by `dispose()`. */
  readonly dir?: string;
  /** More `redis-server` arguments, e.g. `['--cluster-enabled', 'yes']`. */
  readonly extraArgs?: readonly string[];
}

export interface RedisServerHandle {
  /** `redis://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** SIGTERM (Redis flushes its AOF and exits), then waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, no shutdown work. Waits for the exit. */
  kill(): Promise<void>;
  /** Sends a signal to the running server without waiting (e.g. SIGSTOP to freeze it at an exact moment). */
  signal(signal: NodeJS.Signals): void;
  /** Starts again on the same port and directory (so the AOF is reloaded) and waits until it answers PING. */
  restart(): Promise<void>;
  /** Kills it if running and removes the temporary directory it created; safe to call twice. */
  dispose(): Promise<void>;
}

/** Whether something listens on this loopback port now. */
export async function inUse(port: number): Promise<boolean> {
  try {
    await rawCommand(port, 'PING', 300);
    return true;
  } catch (error) {
    return !String(error).includes('ECONNREFUSED');
  }
}

/**
 * A random port in [from, to) that nobody listens on, together with `port + offset` for each offset given.
 * Ranges below the kernel's ephemeral range (32768 and up) are safe from outgoing connections, which matters
 * when a stopped Redis must get its port back.
 */
export async function freePort(from = 7_000, to = 12_000, offsets: readonly number[] = []): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = from + Math.floor(Math.random() * (to - from));
    const all = [port, ...offsets.map((offset) => port + offset)];
    if (!(await Promise.all(all.map(inUse))).some(Boolean)) return port;
  }
  throw new Error(`no free port in [${from}, ${to})`);
}

/**
 * Sends one inline command over a raw socket and returns the raw RESP reply: no client library, so it
 * also works while a server is loading or refusing commands.
 */
export function rawCommand(port: number, command: string, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(new Error(`no reply to ${command} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      if (replyComplete(reply)) socket.end();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(reply.toString('utf8'));
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Simple replies (`+`, `-`, `:`) end at their first CRLF; a bulk reply (`$len CRLF data CRLF`) after len bytes. */
function replyComplete(reply: Buffer): boolean {
  const headerEnd = reply.indexOf('\r\n');
  if (headerEnd < 0) return false;
  if (reply[0] !== 0x24 /* $ */) return true;
  const length = Number(reply.subarray(1, headerEnd).toString('utf8'));
  return length < 0 || reply.length >= headerEnd + 2 + length + 2;
}

/** Resolves once `PING` answers `PONG` (not `LOADING`), or rejects after `timeoutMs`. */
export async function waitForPong(port: number, timeoutMs = 10_000): Promise<void> {
  await eventually(async () => (await rawCommand(port, 'PING')).startsWith('+PONG'), timeoutMs, 25);
}

/**
 * Starts `redis-server` as a child (not daemonized), on 127.0.0.1 only, without RDB snapshots.
 *
 * @example
 * const redis = await startRedisServer({ appendonly: true });
 * await redis.stop(); await redis.restart(); await redis.dispose();
 */
export async function startRedisServer(options: RedisServerOptions = {}, attempts = 3): Promise<RedisServerHandle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(options.port ?? (await freePort()), options);
    } catch (error) {
      // A port taken between the check and the bind: try another one, unless the caller chose it.
      if (options.port !== undefined || attempt >= attempts || !String(error).includes('Address already in use')) throw error;
    }
  }
}

async function startOn(port: number, options: RedisServerOptions): Promise<RedisServerHandle> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'redis-test-'));
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', options.appendonly ? 'yes' : 'no',
    '--dir', dir, ...(options.extraArgs ?? []),
  ];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const launch = async (): Promise<void> => {
    const output: string[] = [];
    const started = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    started.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child = started;
    exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
    const early = exited.then(() => {
      throw new Error(`redis-server on port ${port} exited early:\n${output.join('')}`);
    });
    early.catch(() => undefined);
    try {
      await Promise.race([waitForPong(port), early]);
    } catch (error) {
      started.kill('SIGKILL');
      throw error;
    }
  };

  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
    child = undefined;
  };

  try {
    await launch();
  } catch (error) {
    if (ownDir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    signal: (name) => void child?.kill(name),
    restart: async () => {
      await signal('SIGTERM');
      await launch();
    },
    dispose: async () => {
      await signal('SIGKILL');
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
