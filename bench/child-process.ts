/**
 * A server under test as a real child process: spawn it, learn its port, watch its memory and CPU through
 * `/proc`, and stop it (SIGTERM, then SIGKILL past a deadline), so the bench measures the process an
 * operator runs and never leaves one behind.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** Clock ticks per second of `/proc/<pid>/stat` CPU times (USER_HZ, 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

export interface ServerChild {
  readonly pid: number;
  readonly port: number;
  /** Log lines at warn level or above (pino `level` ≥ 40) and stderr lines, the first 20. */
  readonly problems: string[];
  /** Highest `VmRSS` seen by the sampler and the kernel's own peak (`VmHWM`), in bytes, summed over the tree. */
  memory(): { rssPeak: number; hwm: number };
  /** `VmRSS` now, in bytes, summed over the tree. */
  rss(): number;
  /** User + system CPU seconds used so far, all threads (JS, GC, libuv pool), summed over the process and its children. */
  cpuSeconds(): number;
  /**
   * The JavaScript thread's seconds on a CPU and seconds runnable but waiting for one (`/proc/<pid>/schedstat`):
   * the second says how much other processes on the machine held the server back. Summed over the tree (with
   * `WORKERS=N`, N JavaScript threads and the primary's).
   */
  mainThread(): { running: number; waiting: number };
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (or signal name). */
  stop(graceMs?: number): Promise<string>;
}

function statusField(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

const trees = new Map<number, { readonly members: number[]; readonly at: number }>();

/**
 * `pid` and its children: with `WORKERS=N` the server is a node:cluster primary and N workers, and every figure
 * (CPU, JS threads, memory) is the sum over them. Scanning `/proc` costs the bench CPU: the tree is looked up
 * again at most once a second.
 */
function processTree(pid: number): number[] {
  const known = trees.get(pid);
  if (known && Date.now() - known.at < 1000) return known.members;
  const members = [pid, ...childrenOf(pid)];
  trees.set(pid, { members, at: Date.now() });
  return members;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name and the state.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return children;
}

/** Sums `read(pid)` over the tree, skipping processes that exit meanwhile. */
function sumOverTree(pid: number, read: (pid: number) => number): number {
  return processTree(pid).reduce((total, member) => {
    try {
      return total + read(member);
    } catch {
      return total;
    }
  }, 0);
}

function cpuOf(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The TCP port `pid` listens on, from its socket inodes and `/proc/<pid>/net/tcp{,6}`; undefined if none yet. */
function listeningPort(pid: number): number | undefined {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // st 0A is LISTEN; column 9 is the inode.
      if (cols[3] === '0A' && cols[9] && inodes.has(cols[9])) return parseInt(cols[1]?.split(':')[1] ?? '', 16);
    }
  }
  return undefined;
}

/** The port a JSON log line announces (`"port": N` on a "… listening …" line), if it is one. */
function announcedPort(line: string): number | undefined {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown; port?: unknown };
    return typeof parsed.port === 'number' && String(parsed.msg).includes('listening') ? parsed.port : undefined;
  } catch {
    return undefined;
  }
}

function isProblem(line: string): boolean {
  try {
    const parsed = JSON.parse(line) as { level?: unknown };
    return typeof parsed.level === 'number' && parsed.level >= 40;
  } catch {
    return line.trim() !== '';
  }
}

/**
 * Spawns `node <args>` (or `command <args>`) and resolves once it listens. The port comes from its "listening" log
 * line when its log level shows it, else from `/proc` (at `LOG_LEVEL=warn` that info line is not written).
 *
 * @example
 * const child = await startServerChild(['dist/src/main.js'], { PORT: '0', LOG_LEVEL: 'warn', … });
 */
export async function startServerChild(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 15_000,
  command = process.execPath,
): Promise<ServerChild> {
  const child: ChildProcess = spawn(command, [...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn node ${args.join(' ')}`);
  const problems: string[] = [];
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(String(code ?? signal))));
  let announced: number | undefined;
  const watch = (stream: NodeJS.ReadableStream | null, fromStderr: boolean): void => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      announced ??= announcedPort(line);
      if ((fromStderr || isProblem(line)) && problems.length < 20) problems.push(line.slice(0, 400));
    });
  };
  watch(child.stdout, false);
  watch(child.stderr, true);

  let rssPeak = 0;
  let alive = true;
  void exited.then(() => (alive = false));
  const sampler = setInterval(() => {
    try {
      rssPeak = Math.max(rssPeak, sumOverTree(pid, (member) => statusField(member, 'VmRSS')));
    } catch {
      // Exited between two samples.
    }
  }, 50);
  const stop = async (graceMs = 12_000): Promise<string> => {
    clearInterval(sampler);
    if (!alive) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const deadline = Date.now() + timeoutMs;
  let port: number | undefined;
  while (port === undefined) {
    if (!alive || Date.now() > deadline) {
      await stop(1000);
      throw new Error(`node ${args.join(' ')} did not start listening: ${problems.join(' | ') || 'no output'}`);
    }
    try {
      port = announced ?? listeningPort(pid);
    } catch {
      // /proc entries vanish if it died; the loop sees `alive` next.
    }
    if (port === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let hwm = 0;
  return {
    pid,
    port,
    problems,
    memory: () => {
      try {
        hwm = sumOverTree(pid, (member) => statusField(member, 'VmHWM'));
      } catch {
        // Keep the last value read while it ran.
      }
      return { rssPeak, hwm };
    },
    rss: () => sumOverTree(pid, (member) => statusField(member, 'VmRSS')),
    cpuSeconds: () => sumOverTree(pid, cpuOf),
    mainThread: () => {
      const field = (index: number) => (member: number) => Number(readFileSync(`/proc/${member}/schedstat`, 'utf8').split(' ')[index] ?? 0) / 1e9;
      return { running: sumOverTree(pid, field(0)), waiting: sumOverTree(pid, field(1)) };
    },
    stop,
  };
}
