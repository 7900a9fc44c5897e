import { z } from 'zod';
import { LOCALES, type Locale } from '../domain/locale.js';
import { httpUrl, integer, optionalText } from './env-values.js';
import { agentEnv, agentProblem, toAgentConfig, type AgentConfig } from './agent-env.js';
import { hardeningEnv, hardeningProblem, toHardeningConfig, type HardeningConfig } from './hardening-env.js';

/**
 * Environment → typed, validated configuration. The only place that knows variable names and defaults;
 * `.env.example` documents the same list. A bad value stops the process with one line naming the variable.
 */

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(3000, 0, 65535),
  REDIS_URL: optionalText.pipe(
    z.union([z.undefined(), z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })]),
  ),
  REDIS_CLUSTER_NODES: optionalText.pipe(
    z.union([
      z.undefined(),
      z.string().regex(/^\s*[\w.-]+:\d{1,5}\s*(,\s*[\w.-]+:\d{1,5}\s*)*$/, 'must be a comma-separated host:port list'),
    ]),
  ),
  KEY_PREFIX: z.string().regex(/^[\w:.-]{1,32}$/, 'must be 1-32 letters, digits, ":", "." or "-"').default('wa:'),
  WHATSAPP_TOKEN: optionalText,
  WHATSAPP_APP_SECRET: optionalText,
  WEBHOOK_VERIFY_TOKEN: optionalText,
  WHATSAPP_API_URL: httpUrl('https://graph.facebook.com/v25.0'),
  CSS_API_URL: httpUrl('http://localhost:8000'),
  CSS_API_TIMEOUT_MS: integer(30_000, 100, 600_000),
  CSS_API_CONCURRENCY: integer(1000, 1, 100_000),
  EFFECTS_MAX_IN_FLIGHT: integer(10_000, 1, 1_000_000),
  CSS_API_FILE_STATUS_PATH: z.string().regex(/^\/[\w./-]*$/, 'must be a path starting with /').default('/pension-file-status'),
  CSS_API_IMAGE_PATH: z.string().regex(/^\/[\w./-]*$/, 'must be a path starting with /').default('/ask-image'),
  CSS_API_DOCUMENT_PATH: z.string().regex(/^\/[\w./-]*$/, 'must be a path starting with /').default('/ask-document'),
  MEDIA_MAX_BYTES: integer(10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  DEFAULT_MACHINE: z.string().regex(/^[\w-]+$/, 'must be a machine id').default('css-assistant'),
  MACHINE_BY_NUMBER: optionalText.pipe(
    z.union([
      z.undefined(),
      z.string().regex(/^\s*[\w.-]+=[\w-]+\s*(,\s*[\w.-]+=[\w-]+\s*)*$/, 'must be a comma-separated phone_number_id=machine list'),
    ]),
  ),
  SESSION_TTL_SECONDS: integer(1800, 1, 30 * 24 * 3600),
  USER_MEMORY_DAYS: integer(90, 0, 3650),
  START_LOCALE: optionalText.pipe(z.union([z.undefined(), z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` })])),
  MENU_NUDGE_SECONDS: integer(0, 0, 24 * 3600),
  DEDUP_WINDOW_SECONDS: integer(24 * 3600, 60, 30 * 24 * 3600),
  OUTBOUND_PER_SECOND: integer(80, 1, 10_000),
  PAIR_BURST: integer(45, 1, 1000),
  PAIR_WINDOW_SECONDS: integer(270, 1, 3600),
  INBOUND_PER_MINUTE: integer(20, 1, 10_000),
  READ_RECEIPTS: z.enum(['0', '1', 'false', 'true'], { error: 'must be 1 or 0' }).default('1'),
  READ_RECEIPT_DELAY_MS: integer(1000, 0, 20_000),
  HTTP_TRANSPORT: z.enum(['undici', 'node'], { error: 'must be undici or node' }).default('undici'),
  WORKERS: integer(1, 1, 64),
  WORKER_CONCURRENCY: integer(64, 1, 10_000),
  INSPECT: optionalText.pipe(
    z.union([z.undefined(), z.literal('local'), z.literal('sky'), z.url({ protocol: /^wss?$/, error: 'must be local, sky or a ws:// URL' })]),
  ),
  INSPECT_PORT: integer(8079, 0, 65535),
  INSPECT_RAW: z.enum(['', '0', '1', 'false', 'true'], { error: 'must be 1 or 0' }).default('0'),
  PSEUDONYM_KEY: optionalText,
  ADMIN_TOKEN: optionalText.pipe(z.union([z.undefined(), z.string().min(16, 'must be at least 16 characters')])),
  ANALYTICS_MAX_ENTRIES: integer(100_000, 100, 10_000_000),
  QUESTION_RETENTION_DAYS: integer(30, 1, 3650),
  MESSAGE_RATE_XOF: optionalText.pipe(
    z.string().regex(/^\s*\d{1,7}(\.\d{1,4})?\s*$/, 'must be a price in francs CFA per message, such as 20 or 12.5').transform(Number).optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...hardeningEnv,
  ...agentEnv,
});

export type Config = Readonly<{
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  redisUrl: string | undefined;
  /** Redis Cluster seed nodes; set instead of `redisUrl`. */
  redisClusterNodes: ReadonlyArray<{ host: string; port: number }> | undefined;
  keyPrefix: string;
  whatsappToken: string | undefined;
  appSecret: string | undefined;
  verifyToken: string | undefined;
  whatsappApiUrl: string;
  cssApiUrl: string;
  cssApiTimeoutMs: number;
  /** CSS API calls one process has in flight at once (and kept-alive sockets to it); more wait in a queue. */
  cssApiConcurrency: number;
  /** Effect calls one process runs at once, all APIs together. */
  effectsMaxInFlight: number;
  cssApiFileStatusPath: string;
  /** CSS API endpoint answering about a photo (multipart `file` + `question`). */
  cssApiImagePath: string;
  /** CSS API endpoint answering about a PDF (multipart `file` + `question`). */
  cssApiDocumentPath: string;
  /** Largest file a user may send for an answer (bytes); images are also capped at WhatsApp's 5 MB. */
  mediaMaxBytes: number;
  /** The machine of business numbers not in `machineByNumber`. */
  defaultMachine: string;
  /** Which machine answers which business number (`metadata.phone_number_id`). */
  machineByNumber: Readonly<Record<string, string>>;
  sessionTtlSeconds: number;
  /** How long what a machine remembers of a user (language, last visit) outlives their last message; 0: nothing. */
  userMemoryDays: number;
  /**
   * The language every new conversation starts in (`START_LOCALE`), instead of guessing it from the first message;
   * unset: guessed, French when nothing tells. A user's own choice, remembered, still wins.
   */
  startLocale?: Locale;
  /** How long a user may sit in the CSS menu before one nudge; 0 (the default): no nudge, a message nobody asked for. */
  menuNudgeSeconds: number;
  dedupWindowSeconds: number;
  workerConcurrency: number;
  /** Server processes `npm start` runs on one port (node:cluster); more than one needs Redis. */
  workers: number;
  /** Mark user messages read, with the typing indicator while the answer is prepared. */
  readReceipts: boolean;
  /** A turn answered within this delay sends no read receipt; a slower one (a CSS call) shows "typing…". */
  readReceiptDelayMs: number;
  /** What carries the Graph, CSS and Chatwoot calls under axios: undici (default) or axios' own node:http adapter. */
  httpTransport: 'undici' | 'node';
  /** Sends per second per business number (Meta's throughput), shared by every process on one Redis. */
  outboundPerSecond: number;
  /** Burst to one recipient, paid back over `pairWindowSeconds` (Meta's pair rate limit). */
  pairBurst: number;
  pairWindowSeconds: number;
  /** User messages per minute before the user is asked to slow down. */
  inboundPerMinute: number;
  logLevel: string;
  /** XState inspection target (`local`, `sky`, `ws://…`); unset: off. */
  inspect: string | undefined;
  inspectPort: number;
  /** Send texts and phone numbers to the inspector unmasked. */
  inspectRaw: boolean;
  /** Key of the pseudonyms that stand for users outside the process. */
  pseudonymKey: string | undefined;
  /** Bearer token of the /admin pages; unset: they are refused. */
  adminToken: string | undefined;
  /** Interaction records kept (the Redis stream is capped near this length, memory exactly). */
  analyticsMaxEntries: number;
  /** Age after which an interaction record, and so the question it holds, is deleted. */
  questionRetentionDays: number;
  /** What Meta charges per billed message, in francs CFA, for the estimated costs of `/admin/stats`; unset: none shown. */
  messageRateXof: number | undefined;
}> &
  HardeningConfig &
  AgentConfig;

/** A configuration mistake; `message` is the one line printed before the process stops. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * @example
 * const config = loadConfig(process.env); // throws ConfigError: "CSS_API_TIMEOUT_MS must be a number (got "abc")"
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const given = env[variable];
    throw new ConfigError(`${variable} ${issue?.message ?? 'is invalid'}${given === undefined ? '' : ` (got "${given}")`}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL !== undefined && e.REDIS_CLUSTER_NODES !== undefined) {
    throw new ConfigError('REDIS_CLUSTER_NODES cannot be combined with REDIS_URL: set only one of them');
  }
  if (e.WORKERS > 1 && e.REDIS_URL === undefined && e.REDIS_CLUSTER_NODES === undefined) {
    throw new ConfigError('WORKERS above 1 needs REDIS_URL or REDIS_CLUSTER_NODES: the embedded store lives in one process');
  }
  if (e.NODE_ENV === 'production' && e.WHATSAPP_APP_SECRET === undefined) {
    throw new ConfigError('WHATSAPP_APP_SECRET must be set when NODE_ENV=production (webhook signatures cannot be checked)');
  }
  const problem = hardeningProblem(e, env) ?? agentProblem(e);
  if (problem !== undefined) throw new ConfigError(problem);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    redisUrl: e.REDIS_URL,
    redisClusterNodes: e.REDIS_CLUSTER_NODES?.split(',').map((node) => {
      const [host = '', port = ''] = node.trim().split(':');
      return { host, port: Number(port) };
    }),
    keyPrefix: e.KEY_PREFIX,
    whatsappToken: e.WHATSAPP_TOKEN,
    appSecret: e.WHATSAPP_APP_SECRET,
    verifyToken: e.WEBHOOK_VERIFY_TOKEN,
    whatsappApiUrl: e.WHATSAPP_API_URL,
    cssApiUrl: e.CSS_API_URL,
    cssApiTimeoutMs: e.CSS_API_TIMEOUT_MS,
    cssApiConcurrency: e.CSS_API_CONCURRENCY,
    effectsMaxInFlight: e.EFFECTS_MAX_IN_FLIGHT,
    cssApiFileStatusPath: e.CSS_API_FILE_STATUS_PATH,
    cssApiImagePath: e.CSS_API_IMAGE_PATH,
    cssApiDocumentPath: e.CSS_API_DOCUMENT_PATH,
    mediaMaxBytes: e.MEDIA_MAX_BYTES,
    defaultMachine: e.DEFAULT_MACHINE,
    machineByNumber: Object.fromEntries(
      (e.MACHINE_BY_NUMBER?.split(',') ?? []).map((pair) => pair.trim().split('=') as [string, string]),
    ),
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    userMemoryDays: e.USER_MEMORY_DAYS,
    ...(e.START_LOCALE === undefined ? {} : { startLocale: e.START_LOCALE }),
    menuNudgeSeconds: e.MENU_NUDGE_SECONDS,
    dedupWindowSeconds: e.DEDUP_WINDOW_SECONDS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    workers: e.WORKERS,
    readReceipts: e.READ_RECEIPTS === '1' || e.READ_RECEIPTS === 'true',
    readReceiptDelayMs: e.READ_RECEIPT_DELAY_MS,
    httpTransport: e.HTTP_TRANSPORT,
    outboundPerSecond: e.OUTBOUND_PER_SECOND,
    pairBurst: e.PAIR_BURST,
    pairWindowSeconds: e.PAIR_WINDOW_SECONDS,
    inboundPerMinute: e.INBOUND_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    adminToken: e.ADMIN_TOKEN,
    analyticsMaxEntries: e.ANALYTICS_MAX_ENTRIES,
    questionRetentionDays: e.QUESTION_RETENTION_DAYS,
    messageRateXof: e.MESSAGE_RATE_XOF,
    inspect: e.INSPECT,
    inspectPort: e.INSPECT_PORT,
    inspectRaw: e.INSPECT_RAW === '1' || e.INSPECT_RAW === 'true',
    pseudonymKey: e.PSEUDONYM_KEY,
    ...toHardeningConfig(e),
    ...toAgentConfig(e),
  };
}
