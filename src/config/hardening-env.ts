import { isIP } from 'node:net';
import { z } from 'zod';
import { integer, optionalText } from './env-values.js';

/**
 * The variables that bound what an outsider, or a failing neighbour, can make the server do: where it listens,
 * whom it believes about client addresses, how many connections and how much time a client gets, how often the
 * admin login may be tried, how old a message may be, and how much the Graph API, the CSS API and a media URL
 * are trusted. Part of the schema of `config.ts`; documented in `.env.example` and the README.
 */

const DAY_SECONDS = 24 * 3600;

/** `loopback`, `none`, an IPv4/IPv6 address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function isProxyEntry(entry: string): boolean {
  if (entry === 'loopback' || entry === 'none') return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

export const hardeningEnv = {
  HOST: z
    .string()
    .refine((host) => isIP(host) !== 0 || HOST_NAME.test(host), 'must be an IP address or a host name')
    .default('127.0.0.1'),
  TRUSTED_PROXIES: z
    .string()
    .refine((value) => list(value).every(isProxyEntry), 'must be loopback, none, or a comma-separated list of addresses or CIDR ranges')
    .default('loopback'),
  MAX_CONNECTIONS: integer(1000, 1, 1_000_000),
  MAX_CONNECTIONS_PER_CLIENT: integer(100, 1, 1_000_000),
  HEADERS_TIMEOUT_MS: integer(10_000, 100, 600_000),
  BODY_TIMEOUT_MS: integer(10_000, 100, 600_000),
  ADMIN_LOGIN_ATTEMPTS: integer(10, 1, 10_000),
  METRICS_TOKEN: optionalText.pipe(z.union([z.undefined(), z.string().min(16, 'must be at least 16 characters')])),
  MESSAGE_MAX_AGE_SECONDS: integer(DAY_SECONDS, 60, 30 * DAY_SECONDS),
  WHATSAPP_API_TIMEOUT_MS: integer(15_000, 100, 120_000),
  CSS_ANSWER_MAX_CHARS: integer(11_000, 500, 100_000),
  MEDIA_HOSTS: z
    .string()
    .refine((value) => list(value).length > 0 && list(value).every((host) => HOST_NAME.test(host)), 'must be a comma-separated list of host names')
    .default('lookaside.fbsbx.com'),
};

type HardeningEnv = { [K in keyof typeof hardeningEnv]: z.output<(typeof hardeningEnv)[K]> };

export type HardeningConfig = Readonly<{
  /** Address the HTTP server binds (`HOST`); loopback unless the operator opens it. */
  host: string;
  /**
   * Peers whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed and who are exempt from the per-client
   * connection cap: `loopback`, addresses and CIDR ranges; empty when `none`.
   */
  trustedProxies: readonly string[];
  /** Open connections the process accepts at once. */
  maxConnections: number;
  /** Open connections one client address (not a trusted proxy) may hold. */
  maxConnectionsPerClient: number;
  /** Time a client has to send a request's headers (also: the first byte of a new connection). */
  headersTimeoutMs: number;
  /** Time a client has, after its headers, to send the whole body. */
  bodyTimeoutMs: number;
  /** Failed admin logins per client address per 15 minutes before it is told to wait. */
  adminLoginAttempts: number;
  /** Bearer token of `GET /metrics`; unset: open (keep it off the internet). */
  metricsToken: string | undefined;
  /** A message older than this (by Meta's timestamp) is acknowledged but not acted on; at most the dedup window. */
  messageMaxAgeSeconds: number;
  /** Time allowed for one Graph API call; a send that runs out of it may or may not have been delivered. */
  whatsappApiTimeoutMs: number;
  /** Longest CSS answer passed on; a longer one is cut on a word boundary and ends with a polite note. */
  cssAnswerMaxChars: number;
  /** Hosts a media URL given by the Graph API may point at (lower case); the bearer token goes nowhere else. */
  mediaHosts: readonly string[];
}>;

/**
 * What is wrong across variables, as the one line the server stops with, or `undefined`.
 * `given` is the raw environment: a message age set explicitly above the dedup window is a mistake, while the
 * default simply follows a shorter window.
 */
export function hardeningProblem(e: HardeningEnv & { DEDUP_WINDOW_SECONDS: number }, given: NodeJS.ProcessEnv): string | undefined {
  if (given['MESSAGE_MAX_AGE_SECONDS'] !== undefined && e.MESSAGE_MAX_AGE_SECONDS > e.DEDUP_WINDOW_SECONDS) {
    return `MESSAGE_MAX_AGE_SECONDS (${e.MESSAGE_MAX_AGE_SECONDS}) must not exceed DEDUP_WINDOW_SECONDS (${e.DEDUP_WINDOW_SECONDS}): an older replay would be neither refused by age nor recognised as a duplicate`;
  }
  if (list(e.TRUSTED_PROXIES).includes('none') && list(e.TRUSTED_PROXIES).length > 1) {
    return 'TRUSTED_PROXIES cannot combine none with other entries';
  }
  return undefined;
}

/** The typed settings of the validated variables. */
export function toHardeningConfig(e: HardeningEnv & { DEDUP_WINDOW_SECONDS: number }): HardeningConfig {
  const proxies = list(e.TRUSTED_PROXIES);
  return {
    host: e.HOST,
    trustedProxies: proxies.includes('none') ? [] : proxies,
    maxConnections: e.MAX_CONNECTIONS,
    maxConnectionsPerClient: e.MAX_CONNECTIONS_PER_CLIENT,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: e.BODY_TIMEOUT_MS,
    adminLoginAttempts: e.ADMIN_LOGIN_ATTEMPTS,
    metricsToken: e.METRICS_TOKEN,
    messageMaxAgeSeconds: Math.min(e.MESSAGE_MAX_AGE_SECONDS, e.DEDUP_WINDOW_SECONDS),
    whatsappApiTimeoutMs: e.WHATSAPP_API_TIMEOUT_MS,
    cssAnswerMaxChars: e.CSS_ANSWER_MAX_CHARS,
    mediaHosts: list(e.MEDIA_HOSTS).map((host) => host.toLowerCase()),
  };
}
