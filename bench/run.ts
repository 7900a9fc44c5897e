/**
 * `npm run bench` (issue 3, point 9): the project as a real child process against a real Redis and loopback
 * stand-ins for the Graph API and the CSS API, driven by signed webhooks from distinct users, and compared in
 * the same run with a bare `node:http` baseline (their ack runs interleave, so both meet the same machine
 * load). Prints a table, writes `bench/results/latest.json` (overwritten each run), deletes every key it wrote
 * and stops every process it started. Exits non-zero when a phase fails (a webhook not acknowledged, a reply
 * missing, extra or wrong); missed targets are reported, not failures: a benchmark, not a timed test.
 */

import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { startCssStandIn, type CssStandIn } from '../test/support/css-stand-in.js';
import { startGraphStandIn, type GraphStandIn } from '../test/support/graph-stand-in.js';
import { startServerChild, type ServerChild } from './child-process.js';
import { measure, runPhase, summarizeRuns, type Pace, type PhaseResult, type PhaseRun, type ResourceClock } from './phase.js';
import { summarizeProfile } from './profile-summary.js';
import { RedisProbe, type ConversationBytes } from './redis-probe.js';
import { ReplyTracker, type ReplyCheck } from './reply-tracker.js';
import { formatHostile, measureHostile } from './hostile-phase.js';
import { formatReport, judgeTargets, writeResults } from './report.js';
import { readSettings } from './settings.js';
import { SLOW_QUESTION, runSlowCssPhase, type SlowCssResult } from './slow-css-phase.js';
import { measureCommandsSent, measureQuestionRate, measureQuestionsVsBare } from './question-phases.js';
import { measureRssGrowth } from './rss-phase.js';
import { measureScaleOut } from './scale-out-phase.js';
import { BENCH_SECRET, GREETING, QUESTION, buildMessages, type BenchMessage } from './webhooks.js';

const RESULTS = new URL('../../bench/results/', import.meta.url);
const PROFILES = new URL('profiles/', RESULTS);
const CSS_ANSWER = 'Merci pour votre question. Rendez-vous dans votre agence CSS avec votre pièce d’identité.';
const isWelcome: ReplyCheck = (text) => text.includes('Bienvenue');
/** The answer, its buttons attached (one message). */
const isAnswer: ReplyCheck = (text) => text.startsWith(`${CSS_ANSWER}\n`) && text.includes('[menu:');
/** A first message that is a question: the welcome, then the answer. */
const QUESTION_REPLIES: ReplyCheck[] = [isWelcome, isAnswer];
/** Each phase writes to a business number of its own, so its users start fresh conversations. */
const PHONE = {
  baseline: '100000000000000', warmup: '100000000000001', ack: '100000000000002', max: '100000000000003', rate: '100000000000004',
  question: '100000000000005', slow: '100000000000006', slowBaseline: '100000000000007', hostileAlone: '100000000000008',
  hostileFloods: '100000000000009', bare: '100000000000010', rss: '100000000000011', workers: '100000000000012',
  cluster: '100000000000013', nodeHttp: '100000000000014',
};

const settings = readSettings(process.env);
/** Other work on this machine skews every figure: the 1-minute load average at start and end says how much. */
const loadAtStart = loadavg()[0] ?? 0;
const prefix = `bench:${randomBytes(4).toString('hex')}:`;
const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
// Failures surface where a command fails; without a listener ioredis also prints each reconnect attempt.
redis.on('error', () => undefined);
const probe = new RedisProbe(redis);
const tracker = new ReplyTracker();
const children: ServerChild[] = [];
const standIns: Array<GraphStandIn | CssStandIn> = [];
const closed: Pace = { kind: 'closed', concurrency: settings.concurrency };

function clockFor(child: ServerChild): ResourceClock {
  return async () => {
    const own = process.cpuUsage();
    const thread = child.mainThread();
    const [redisCpu, traffic] = await Promise.all([probe.cpuSeconds(), probe.traffic()]);
    return {
      server: child.cpuSeconds(), bench: (own.user + own.system) / 1e6, redis: redisCpu,
      serverThreadRunning: thread.running, serverThreadWaiting: thread.waiting, redisCalls: traffic.calls, redisReads: traffic.reads,
      redisCommands: traffic.byCommand,
    };
  };
}

function spec(name: string, child: ServerChild, messages: readonly BenchMessage[], pace: Pace, replies: readonly ReplyCheck[]) {
  process.stderr.write(`bench: ${name} (${messages.length} webhooks)…\n`);
  return { name, port: child.port, messages, pace, replies, tracker, clock: clockFor(child), stallMs: 20_000 };
}

async function waitReady(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline) throw new Error('the server never reported ready on /readyz');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The project as a child process; `extra` adds variables, and the profile (`BENCH_CPU_PROF`) is the main project's only. */
async function startProject(graph: GraphStandIn, css: CssStandIn, extra: Record<string, string> = {}, dropRedisUrl = false): Promise<ServerChild> {
  const profiled = settings.cpuProfile && Object.keys(extra).length === 0;
  if (profiled) rmSync(PROFILES, { recursive: true, force: true });
  const env: Record<string, string> = {
    NODE_ENV: 'production', PORT: '0', REDIS_URL: settings.redisUrl, KEY_PREFIX: prefix, LOG_LEVEL: settings.serverLogLevel,
    WHATSAPP_TOKEN: 'bench-token', WEBHOOK_VERIFY_TOKEN: 'bench-verify', WHATSAPP_APP_SECRET: BENCH_SECRET,
    WHATSAPP_API_URL: graph.baseUrl, CSS_API_URL: css.url,
    ...settings.serverEnv,
    ...extra,
  };
  if (dropRedisUrl) delete env.REDIS_URL;
  const args = [...settings.serverNodeFlags, ...(profiled ? ['--cpu-prof', '--cpu-prof-dir', PROFILES.pathname] : []), 'dist/src/main.js'];
  const child = await startServerChild(args, env);
  children.push(child);
  await waitReady(child.port);
  return child;
}

/** Baseline and project ack runs, alternated in `settings.rounds` slices of the users. */
async function measureAck(
  baseline: ServerChild, project: ServerChild,
): Promise<{ base: PhaseResult; ack: PhaseResult; bytes: ConversationBytes; usedMemoryDelta: number }> {
  const baseMessages = buildMessages(PHONE.baseline, settings.users, GREETING);
  const ackMessages = buildMessages(PHONE.ack, settings.users, GREETING);
  const slice = Math.ceil(settings.users / settings.rounds);
  const baseRuns: PhaseRun[] = [];
  const ackRuns: PhaseRun[] = [];
  // The baseline's own keys (one per webhook) must not count in the project's memory delta.
  await probe.deletePrefix(`${prefix}baseline:`);
  const memoryBefore = await probe.usedMemory();
  for (let from = 0; from < settings.users; from += slice) {
    baseRuns.push(await measure(spec('baseline', baseline, baseMessages.slice(from, from + slice), closed, [])));
    ackRuns.push(await measure(spec('ack', project, ackMessages.slice(from, from + slice), closed, [isWelcome])));
  }
  await probe.deletePrefix(`${prefix}baseline:`);
  const usedMemoryDelta = (await probe.usedMemory()) - memoryBefore;
  // Every conversation so far is idle now: the warm-up's and this phase's.
  const bytes = await probe.bytesPerConversation(prefix, settings.users + settings.warmup);
  return { base: summarizeRuns('baseline', closed, baseRuns), ack: summarizeRuns('ack', closed, ackRuns), bytes, usedMemoryDelta };
}

/**
 * Issue 11's question phases. Users already in a session ask a question (one reply: the answer): the project (the
 * ack phase's users), the bare bot and the project over axios' node:http transport (a process of its own, its users
 * greeted and warmed up first) take turns; then questions at a fixed offered rate (the `e2e max` phase's users);
 * then the Redis commands of a few questions (the `e2e <rate>/s` phase's users).
 */
async function measureQuestionPhases(project: ServerChild, graph: GraphStandIn, css: CssStandIn) {
  const count = Math.min(settings.users, settings.questions);
  // A key prefix of its own (under the run's, so it is cleaned up too): on the project's it would share the project's
  // work stream, and each process would answer some of the other's questions.
  const nodeHttp = await startProject(graph, css, { HTTP_TRANSPORT: 'node', KEY_PREFIX: `${prefix}node:` });
  // Greeted, then a first question (JIT and connections settle): the measured question is their second.
  await measure(spec('node:http transport: greetings', nodeHttp, buildMessages(PHONE.nodeHttp, count, GREETING), closed, [isWelcome]));
  await measure(spec('node:http transport: warm-up questions', nodeHttp, buildMessages(PHONE.nodeHttp, count, QUESTION), closed, [isAnswer]));
  graph.reset();
  const bare = await startServerChild(['dist/bench/baselines/bare-bot.js'], {
    PORT: '0', REDIS_URL: settings.redisUrl, KEY_PREFIX: prefix, WHATSAPP_APP_SECRET: BENCH_SECRET,
    CSS_API_URL: css.url, WHATSAPP_API_URL: graph.baseUrl, WHATSAPP_TOKEN: 'bench-token',
  });
  children.push(bare);
  try {
    const isBareAnswer: ReplyCheck = (text) => text === CSS_ANSWER;
    // JIT and connections settle on the bare bot too, as the warm-up did for the project.
    await measure(spec('bare bot warm-up', bare, buildMessages(PHONE.warmup, Math.min(2000, count), QUESTION), closed, [isBareAnswer]));
    graph.reset();
    const vsBare = await measureQuestionsVsBare({
      project, bare, specFor: spec, rounds: settings.rounds, pace: closed,
      projectMessages: buildMessages(PHONE.ack, count, QUESTION), bareMessages: buildMessages(PHONE.bare, count, QUESTION),
      projectReplies: [isAnswer], bareReplies: [isBareAnswer],
      alternates: [{ name: 'HTTP_TRANSPORT=node', child: nodeHttp, messages: buildMessages(PHONE.nodeHttp, count, QUESTION) }],
    });
    await nodeHttp.stop();
    graph.reset();
    const atRateCount = Math.min(settings.users, settings.questionRate * settings.questionRateSeconds);
    const atRate = await measureQuestionRate(project, spec, buildMessages(PHONE.max, atRateCount, QUESTION), settings.questionRate, [isAnswer]);
    graph.reset();
    const monitor = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const commands = await measureCommandsSent({
        project, redis, monitor, keyPrefix: prefix, specFor: spec, replies: [isAnswer],
        messages: buildMessages(PHONE.rate, Math.min(settings.commandSample, settings.rate * settings.rateSeconds), QUESTION),
      });
      return { vsBare, atRate, commands };
    } finally {
      monitor.disconnect();
    }
  } finally {
    await bare.stop(2000);
  }
}

/** The slow-CSS phase: the project, then the thread-per-request bot, each asked questions the CSS API answers slowly. */
async function measureSlowCss(project: ServerChild, graph: GraphStandIn, css: CssStandIn): Promise<SlowCssResult> {
  graph.reset();
  const bot = await startServerChild(
    ['bench/baselines/thread-per-request-bot.py'],
    { PORT: '0', APP_SECRET: BENCH_SECRET, CSS_URL: css.url, GRAPH_URL: graph.baseUrl },
    15_000,
    'python3',
  );
  children.push(bot);
  const { slowUsers: users, slowSeconds: seconds } = settings;
  const open: Pace = { kind: 'open', rate: Math.ceil(users / seconds), maxInFlight: users };
  const isSlowAnswer: ReplyCheck = (text) => text === CSS_ANSWER;
  const name = `slow CSS (${settings.slowCssMs / 1000} s)`;
  try {
    return await runSlowCssPhase(
      project,
      spec(name, project, buildMessages(PHONE.slow, users, SLOW_QUESTION), open, QUESTION_REPLIES),
      { ...spec(`${name}, thread/request bot`, bot, buildMessages(PHONE.slowBaseline, users, SLOW_QUESTION), open, [isSlowAnswer]), stallMs: 60_000 },
    );
  } finally {
    await bot.stop(2000);
  }
}

async function main(): Promise<number> {
  await redis.connect().catch((error: unknown) => {
    throw new Error(`Redis is unreachable at ${settings.redisUrl}: ${String(error)}`);
  });
  process.stderr.write(`bench: key prefix ${prefix}, ${settings.users} users, ${settings.concurrency} in flight\n`);
  const graph = await startGraphStandIn({ respond: (request) => tracker.onReply(request) });
  const css = await startCssStandIn((question) => (question === SLOW_QUESTION ? { delayMs: settings.slowCssMs, answer: CSS_ANSWER } : CSS_ANSWER));
  standIns.push(graph, css);
  const baseline = await startServerChild(['dist/bench/baseline-server.js'], { PORT: '0', REDIS_URL: settings.redisUrl, KEY_PREFIX: prefix, WHATSAPP_APP_SECRET: BENCH_SECRET });
  children.push(baseline);
  const project = await startProject(graph, css);

  if (settings.warmup > 0) {
    await measure(spec('baseline warm-up', baseline, buildMessages(PHONE.warmup, settings.warmup, GREETING), closed, []));
    await measure(spec('warm-up', project, buildMessages(PHONE.warmup, settings.warmup, GREETING), closed, [isWelcome]));
    // The question path (effects, the CSS call) settles too, as the bare bot's warm-up lets its own do.
    if (settings.questions > 0) {
      await measure(spec('warm-up questions', project, buildMessages(PHONE.warmup, Math.min(2000, settings.warmup), QUESTION), closed, [isAnswer]));
    }
    graph.reset();
  }
  const { base, ack, bytes, usedMemoryDelta } = await measureAck(baseline, project);
  await baseline.stop();
  graph.reset();
  const hostileUsers = Math.min(settings.users, 5000);
  const hostile = await measureHostile(project.port, (name, messages) => spec(name, project, messages, closed, [isWelcome]),
    buildMessages(PHONE.hostileAlone, hostileUsers, GREETING), buildMessages(PHONE.hostileFloods, hostileUsers, GREETING));
  process.stderr.write(`${formatHostile(hostile)}\n`);
  graph.reset();
  const phases = [ack, await runPhase(spec('e2e max', project, buildMessages(PHONE.max, settings.users, GREETING), closed, [isWelcome]))];
  graph.reset();
  const atRate = buildMessages(PHONE.rate, Math.min(settings.users, settings.rate * settings.rateSeconds), GREETING);
  phases.push(await runPhase(spec(`e2e ${settings.rate}/s`, project, atRate, { kind: 'open', rate: settings.rate, maxInFlight: 512 }, [isWelcome])));
  graph.reset();
  const questions = settings.questions > 0 ? await measureQuestionPhases(project, graph, css) : undefined;
  if (questions) phases.push(questions.vsBare.project, questions.vsBare.bare, ...questions.vsBare.alternates.map((setup) => setup.phase), questions.atRate);
  const scaleOut = questions && settings.scaleOutUsers > 0
    ? await measureScaleOut({
      // A key prefix of its own, as for the node:http transport above.
      start: (extra, dropRedisUrl) => startProject(graph, css, { KEY_PREFIX: `${prefix}${dropRedisUrl ? 'cluster' : 'workers'}:`, ...extra }, dropRedisUrl),
      specFor: spec,
      messagesFor: (setup) => ({
        greetings: buildMessages(PHONE[setup], settings.scaleOutUsers, GREETING),
        questions: buildMessages(PHONE[setup], settings.scaleOutUsers, QUESTION),
      }),
      pace: closed, welcome: [isWelcome], answer: [isAnswer], oneProcess: questions.vsBare.project, resetGraph: () => graph.reset(),
    })
    : undefined;
  if (scaleOut) phases.push(...scaleOut.map((setup) => setup.questions));
  const slowCss = settings.slowUsers > 0 ? await measureSlowCss(project, graph, css) : undefined;
  if (slowCss) phases.push(slowCss.project, slowCss.threadPerRequest);
  graph.reset();
  const rss = settings.rssUsers > 0
    ? await measureRssGrowth(project, (name, messages, pace) => spec(name, project, messages, pace, [isWelcome]),
      buildMessages(PHONE.rss, settings.rssUsers, GREETING), Math.min(10_000, settings.rssUsers), closed)
    : undefined;
  const memory = project.memory();
  const exit = await project.stop();
  if (exit !== '0') throw new Error(`the server did not stop cleanly on SIGTERM (exit ${exit})`);
  if (settings.cpuProfile) {
    const profile = readdirSync(PROFILES).filter((f) => f.endsWith('.cpuprofile')).map((f) => new URL(f, PROFILES).pathname)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (profile) process.stderr.write(`\n${summarizeProfile(profile)}\n`);
  }

  const results = {
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length, loadAverage: [loadAtStart, loadavg()[0] ?? 0].map((l) => Math.round(l * 100) / 100),
      node: process.version, redis: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?',
    },
    settings: { ...settings, serverEnv: JSON.stringify(settings.serverEnv), serverNodeFlags: settings.serverNodeFlags.join(' '), redisUrl: settings.redisUrl.replace(/\/\/[^@]*@/, '//***@'), keyPrefix: prefix },
    baseline: base,
    phases,
    ackRatioToBaseline: base.ack.perSecond > 0 ? Math.round((ack.ack.perSecond / base.ack.perSecond) * 1000) / 1000 : 0,
    serverMemory: { rssPeakBytes: memory.rssPeak, vmHwmBytes: memory.hwm },
    redisPerConversation: { memoryUsage: bytes, usedMemoryDeltaBytes: usedMemoryDelta, conversations: settings.users },
    serverProblems: project.problems,
    hostile,
    ...(slowCss ? { slowCss } : {}),
    ...(questions
      ? {
        questions: {
          ratio: questions.vsBare.ratio, gcShare: questions.vsBare.gcShare, commandsSent: questions.commands,
          transports: questions.vsBare.alternates.map(({ name, ratioToProject }) => ({ name, ratioToProject })),
        },
      }
      : {}),
    ...(rss ? { rss } : {}),
    ...(scaleOut ? { scaleOut: scaleOut.map(({ name, ratioToOneProcess }) => ({ name, ratioToOneProcess })) } : {}),
  };
  const report = { ...results, targets: judgeTargets(results, settings.rate) };
  console.log(formatReport(report));
  console.log(`\n${formatHostile(hostile)}`);
  console.log(`\nresults written to ${writeResults(RESULTS, report)} (overwritten by every run)`);
  return 0;
}

/** Stops every child, closes the stand-ins, deletes every key under the run's prefix. Safe to call twice. */
async function cleanUp(): Promise<void> {
  await Promise.all(children.splice(0).map((child) => child.stop(5000)));
  await Promise.all(standIns.splice(0).map((standIn) => standIn.close().catch(() => undefined)));
  if (redis.status !== 'ready') return;
  process.stderr.write(`bench: removed ${await probe.deletePrefix(prefix)} keys under ${prefix}\n`);
  await redis.quit();
}

const watchdog = setTimeout(() => {
  process.stderr.write('bench: gave up after 10 minutes\n');
  void cleanUp().finally(() => process.exit(1));
}, 600_000).unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench: ${signal}, cleaning up\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    for (const line of children.flatMap((child) => child.problems)) process.stderr.write(`  server: ${line}\n`);
    return 1;
  })
  .then(async (code) => {
    clearTimeout(watchdog);
    await cleanUp();
    process.exit(code);
  });
