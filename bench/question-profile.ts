/**
 * `npm run bench:questions`: the question path alone, to see where its time goes. The project runs as a child process
 * on the Redis at `REDIS_URL` with loopback stand-ins for the Graph and CSS APIs (the CSS answering at once), as in
 * `npm run bench`; `BENCH_USERS` users (3,000) are greeted, then ask a question `BENCH_ROUNDS` times (3), 64 in flight.
 * Each round prints questions answered per second, the server's CPU per question (all threads, and its JavaScript
 * thread) and its write and read system calls per question (`/proc/<pid>/io`). With `BENCH_CPU_PROF=1` the server runs
 * under `--cpu-prof` and the profile's summary follows. The first round pays for JIT compilation: read the last ones.
 * `BENCH_NODE_FLAGS` and the server variables of `npm run bench` (such as `HTTP_TRANSPORT=node`) apply here too.
 */

import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { Redis } from 'ioredis';
import { startCssStandIn } from '../test/support/css-stand-in.js';
import { startGraphStandIn } from '../test/support/graph-stand-in.js';
import { startServerChild, type ServerChild } from './child-process.js';
import { measure, type PhaseSpec, type ResourceClock } from './phase.js';
import { summarizeProfile } from './profile-summary.js';
import { RedisProbe } from './redis-probe.js';
import { ReplyTracker, type ReplyCheck } from './reply-tracker.js';
import { readSettings } from './settings.js';
import { BENCH_SECRET, GREETING, QUESTION, buildMessages, type BenchMessage } from './webhooks.js';

const PROFILES = new URL('../../bench/results/profiles/', import.meta.url);
const PHONE = '100000000000077';
const ANSWER = 'Merci pour votre question. Rendez-vous dans votre agence CSS avec votre pièce d’identité.';
const isWelcome: ReplyCheck = (text) => text.includes('Bienvenue');
const isAnswer: ReplyCheck = (text) => text.startsWith(`${ANSWER}\n`);

const settings = readSettings(process.env);
/** Fewer users and rounds than `npm run bench` by default: a profile in half a minute. */
const users = process.env.BENCH_USERS ? Math.min(settings.users, 20_000) : 3000;
const rounds = process.env.BENCH_ROUNDS ? settings.rounds : 3;
const prefix = `bench:${randomBytes(4).toString('hex')}:`;
const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1 });
redis.on('error', () => undefined);

/** Write and read system calls of a process so far (`syscw`, `syscr` of `/proc/<pid>/io`). */
function syscalls(pid: number): { writes: number; reads: number } {
  const fields = new Map(readFileSync(`/proc/${pid}/io`, 'utf8').trim().split('\n').map((line) => line.split(': ') as [string, string]));
  return { writes: Number(fields.get('syscw') ?? 0), reads: Number(fields.get('syscr') ?? 0) };
}

async function main(): Promise<void> {
  const tracker = new ReplyTracker();
  const graph = await startGraphStandIn({ respond: (request) => tracker.onReply(request) });
  const css = await startCssStandIn(() => ANSWER);
  if (settings.cpuProfile) rmSync(PROFILES, { recursive: true, force: true });
  let child: ServerChild | undefined;
  try {
    child = await startServerChild(
      [...settings.serverNodeFlags, ...(settings.cpuProfile ? ['--cpu-prof', '--cpu-prof-dir', PROFILES.pathname] : []), 'dist/src/main.js'],
      {
        NODE_ENV: 'production', PORT: '0', REDIS_URL: settings.redisUrl, KEY_PREFIX: prefix, LOG_LEVEL: settings.serverLogLevel,
        WHATSAPP_TOKEN: 'bench-token', WEBHOOK_VERIFY_TOKEN: 'bench-verify', WHATSAPP_APP_SECRET: BENCH_SECRET,
        WHATSAPP_API_URL: graph.baseUrl, CSS_API_URL: css.url, ...settings.serverEnv,
      },
    );
    const server = child;
    const clock: ResourceClock = async () => ({
      server: server.cpuSeconds(), bench: 0, redis: 0, serverThreadRunning: server.mainThread().running, serverThreadWaiting: 0,
      redisCalls: 0, redisReads: 0, redisCommands: {},
    });
    const spec = (name: string, messages: readonly BenchMessage[], replies: readonly ReplyCheck[]): PhaseSpec => ({
      name, port: server.port, messages, pace: { kind: 'closed', concurrency: settings.concurrency }, replies, tracker, clock, stallMs: 20_000,
    });
    await measure(spec('greetings', buildMessages(PHONE, users, GREETING), [isWelcome]));
    for (let round = 1; round <= rounds; round += 1) {
      graph.reset();
      const before = syscalls(server.pid);
      const run = await measure(spec(`questions ${round}`, buildMessages(PHONE, users, `${QUESTION} (${round})`), [isAnswer]));
      const after = syscalls(server.pid);
      const per = (value: number) => (value / users).toFixed(2);
      process.stdout.write(
        `round ${round}: ${Math.round(users / (run.wallMs / 1000))} questions/s; server CPU per question ${per(run.used.server * 1000)} ms ` +
          `(JavaScript thread ${per(run.used.serverThreadRunning * 1000)} ms); system calls per question: ${per(after.writes - before.writes)} writes, ` +
          `${per(after.reads - before.reads)} reads\n`,
      );
    }
  } finally {
    const exit = await child?.stop(5000);
    await Promise.all([graph.close(), css.close()]);
    const removed = await new RedisProbe(redis).deletePrefix(prefix);
    process.stderr.write(`bench: server exit ${exit ?? '-'}; removed ${removed} keys under ${prefix}\n`);
    redis.disconnect();
  }
  if (settings.cpuProfile) {
    const profile = readdirSync(PROFILES).filter((f) => f.endsWith('.cpuprofile')).map((f) => new URL(f, PROFILES).pathname)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (profile) process.stdout.write(`\n${summarizeProfile(profile, 25)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:questions failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
