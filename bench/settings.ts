/**
 * The bench's knobs, from the environment with defaults that match issue 3's brief (10,000 users, 500
 * messages/s offered, whole run under ~3 minutes). Read once in `run.ts`, so every phase sees the same ones.
 */

export interface BenchSettings {
  readonly redisUrl: string;
  /** Distinct users per phase (each phase's business number makes them fresh conversations). */
  readonly users: number;
  /** Requests in flight for the closed-loop phases, project and baseline alike. */
  readonly concurrency: number;
  /** Offered rate of the open-loop phase, messages/s, and how long it lasts. */
  readonly rate: number;
  readonly rateSeconds: number;
  /** Users (already in a session) asking a question, project and bare bot alike; 0 skips the question phases. */
  readonly questions: number;
  /** Questions per second offered in the open-loop question phase, and how long it lasts. */
  readonly questionRate: number;
  readonly questionRateSeconds: number;
  /** Questions whose Redis commands are counted (MONITOR, a short sample). */
  readonly commandSample: number;
  /** Distinct users greeted to see whether memory stays flat (RSS read after 10,000 and after all); 0 skips it. */
  readonly rssUsers: number;
  /** Users greeted then asking a question on `WORKERS=2` and on a 3-master Redis Cluster; 0 skips those phases. */
  readonly scaleOutUsers: number;
  readonly warmup: number;
  /** Users asking, within `slowSeconds`, a question the CSS API takes `slowCssMs` to answer; 0 skips the phase. */
  readonly slowUsers: number;
  readonly slowSeconds: number;
  readonly slowCssMs: number;
  /** Slices the baseline and ack runs alternate in, so that both meet the same load from other work. */
  readonly rounds: number;
  /** Profile the server with `--cpu-prof` and print where its time went. */
  readonly cpuProfile: boolean;
  /** The node flags the project runs with: `npm start`'s ({@link SERVER_NODE_FLAGS}) unless `BENCH_NODE_FLAGS` says otherwise. */
  readonly serverNodeFlags: readonly string[];
  readonly serverLogLevel: string;
  /**
   * Extra server environment: `OUTBOUND_PER_SECOND=10000` (the most the project accepts) so that the pacing
   * of sends per business number (Meta's 80/s by default) does not hide what the pipeline can do, plus any
   * of {@link PASSED_TO_SERVER} set in the bench's own environment.
   */
  readonly serverEnv: Readonly<Record<string, string>>;
}

/**
 * The flags `npm start` gives node (package.json), so the bench measures the process operators run. A young generation
 * of 64 MB instead of 16: at a thousand questions a second, requests in flight survive fewer scavenges; measured on the
 * project's machine, about 10 % less CPU per question for 70–100 MB more RSS.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'] as const;

/** Server variables a bench run may set, e.g. `WORKER_CONCURRENCY=256 npm run bench`. */
export const PASSED_TO_SERVER = ['WORKERS', 'WORKER_CONCURRENCY', 'OUTBOUND_PER_SECOND', 'READ_RECEIPTS', 'INBOUND_PER_MINUTE', 'PAIR_BURST', 'HTTP_TRANSPORT'] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}

/**
 * @example
 * const settings = readSettings(process.env); // BENCH_USERS=2000 npm run bench for a quick run
 */
export function readSettings(env: NodeJS.ProcessEnv): BenchSettings {
  return {
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    users: integer(env, 'BENCH_USERS', 10_000, 100, 100_000),
    concurrency: integer(env, 'BENCH_CONCURRENCY', 64, 1, 1024),
    rate: integer(env, 'BENCH_RATE', 500, 1, 10_000),
    rateSeconds: integer(env, 'BENCH_RATE_SECONDS', 10, 1, 60),
    questions: integer(env, 'BENCH_QUESTIONS', 4000, 0, 100_000),
    questionRate: integer(env, 'BENCH_QUESTION_RATE', 1000, 1, 10_000),
    questionRateSeconds: integer(env, 'BENCH_QUESTION_RATE_SECONDS', 5, 1, 60),
    commandSample: integer(env, 'BENCH_COMMAND_SAMPLE', 200, 10, 10_000),
    rssUsers: integer(env, 'BENCH_RSS_USERS', 100_000, 0, 1_000_000),
    scaleOutUsers: integer(env, 'BENCH_SCALE_OUT_USERS', 4000, 0, 100_000),
    warmup: integer(env, 'BENCH_WARMUP', 5000, 0, 20_000),
    slowUsers: integer(env, 'BENCH_SLOW_USERS', 1000, 0, 20_000),
    slowSeconds: integer(env, 'BENCH_SLOW_SECONDS', 2, 1, 60),
    slowCssMs: integer(env, 'BENCH_SLOW_CSS_MS', 3000, 1, 60_000),
    rounds: integer(env, 'BENCH_ROUNDS', 4, 1, 20),
    cpuProfile: env.BENCH_CPU_PROF === '1',
    serverNodeFlags: env.BENCH_NODE_FLAGS === undefined ? SERVER_NODE_FLAGS : env.BENCH_NODE_FLAGS.split(' ').filter((flag) => flag !== ''),
    serverLogLevel: env.BENCH_LOG_LEVEL || 'warn',
    serverEnv: {
      OUTBOUND_PER_SECOND: '10000',
      ...Object.fromEntries(PASSED_TO_SERVER.flatMap((name) => (env[name] ? [[name, env[name]]] : []))),
    },
  };
}
