import { z } from 'zod';
import { integer, optionalText } from './env-values.js';

/**
 * The variables of live agent handoff: the Chatwoot inbox agents answer from, and when and how long citizens wait
 * for them. Part of the schema of `config.ts`; documented in `.env.example`, the README and docs/operating.md.
 */

/** `1-5 08:00-17:00`: ISO weekdays (1 = Monday … 7 = Sunday), then the opening and closing times. */
const OFFICE_HOURS = /^\s*([1-7])-([1-7])\s+([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)\s*$/;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** A positive whole number (a Chatwoot id), or `undefined` when unset. */
const optionalId = optionalText.pipe(z.string().regex(/^\s*[1-9]\d{0,9}\s*$/, 'must be a positive whole number').transform(Number).optional());

export const agentEnv = {
  CHATWOOT_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((value) => value.replace(/\/+$/, '')).optional()),
  CHATWOOT_ACCOUNT_ID: optionalId,
  CHATWOOT_INBOX_ID: optionalId,
  CHATWOOT_API_TOKEN: optionalText,
  CHATWOOT_WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  CHATWOOT_SHARE_PHONE: z.enum(['0', '1', 'false', 'true'], { error: 'must be 1 or 0' }).default('0'),
  CHATWOOT_TIMEOUT_MS: integer(10_000, 100, 120_000),
  AGENT_OFFICE_HOURS: z.string().regex(OFFICE_HOURS, 'must read like "1-5 08:00-17:00" (ISO weekdays, then opening and closing times)').default('1-5 08:00-17:00'),
  AGENT_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Africa/Dakar').default('Africa/Dakar'),
  AGENT_REPLY_TIMEOUT_SECONDS: integer(1800, 1, 7 * 24 * 3600),
  AGENT_RETRY_SECONDS: integer(60, 1, 3600),
  AGENT_SESSION_TTL_SECONDS: integer(48 * 3600, 1, 30 * 24 * 3600),
};

type AgentEnv = z.output<z.ZodObject<typeof agentEnv>>;

/** Where agents answer from (every variable set), or nothing (the citizen is given the phone number instead). */
export interface ChatwootConfig {
  readonly url: string;
  readonly accountId: number;
  readonly inboxId: number;
  readonly apiToken: string;
  readonly webhookSecret: string;
  /** Give agents the citizen's phone number (off: the profile name and a pseudonymous id only). */
  readonly sharePhone: boolean;
  readonly timeoutMs: number;
}

/** When agents are there: ISO weekdays `fromDay`..`toDay`, minutes since midnight `opensAt`..`closesAt`, local to `timeZone`. */
export interface OfficeHours {
  readonly fromDay: number;
  readonly toDay: number;
  readonly opensAt: number;
  readonly closesAt: number;
  readonly timeZone: string;
}

export type AgentConfig = Readonly<{
  chatwoot: ChatwootConfig | undefined;
  officeHours: OfficeHours;
  /** How long a citizen waits for a first agent reply before being offered the phone number. */
  agentReplyTimeoutMs: number;
  /** How long before messages kept while Chatwoot was unreachable are tried again. */
  agentRetryMs: number;
  /**
   * How long an idle conversation with an agent is kept (instead of `SESSION_TTL_SECONDS`): agents may answer the next
   * morning, and the citizen's next message must still reach them.
   */
  agentSessionTtlSeconds: number;
}>;

const CHATWOOT_REQUIRED = ['CHATWOOT_URL', 'CHATWOOT_ACCOUNT_ID', 'CHATWOOT_INBOX_ID', 'CHATWOOT_API_TOKEN', 'CHATWOOT_WEBHOOK_SECRET'] as const;

/** What is wrong across the handoff variables, as one line, or `undefined`. */
export function agentProblem(e: AgentEnv): string | undefined {
  const set = CHATWOOT_REQUIRED.filter((name) => e[name] !== undefined);
  if (set.length > 0 && set.length < CHATWOOT_REQUIRED.length) {
    const missing = CHATWOOT_REQUIRED.filter((name) => e[name] === undefined);
    return `${missing.join(', ')} must be set too: live agents need all of ${CHATWOOT_REQUIRED.join(', ')} (or none of them)`;
  }
  const hours = officeHoursOf(e);
  if (hours.opensAt >= hours.closesAt) return `AGENT_OFFICE_HOURS must close after it opens (got "${e.AGENT_OFFICE_HOURS}")`;
  return undefined;
}

export function toAgentConfig(e: AgentEnv): AgentConfig {
  const { CHATWOOT_URL: url, CHATWOOT_ACCOUNT_ID: accountId, CHATWOOT_INBOX_ID: inboxId, CHATWOOT_API_TOKEN: apiToken, CHATWOOT_WEBHOOK_SECRET: webhookSecret } = e;
  const complete = url !== undefined && accountId !== undefined && inboxId !== undefined && apiToken !== undefined && webhookSecret !== undefined;
  return {
    chatwoot: complete
      ? { url, accountId, inboxId, apiToken, webhookSecret, sharePhone: e.CHATWOOT_SHARE_PHONE === '1' || e.CHATWOOT_SHARE_PHONE === 'true', timeoutMs: e.CHATWOOT_TIMEOUT_MS }
      : undefined,
    officeHours: officeHoursOf(e),
    agentReplyTimeoutMs: e.AGENT_REPLY_TIMEOUT_SECONDS * 1000,
    agentRetryMs: e.AGENT_RETRY_SECONDS * 1000,
    agentSessionTtlSeconds: e.AGENT_SESSION_TTL_SECONDS,
  };
}

function officeHoursOf(e: AgentEnv): OfficeHours {
  const [, fromDay, toDay, openH, openM, closeH, closeM] = OFFICE_HOURS.exec(e.AGENT_OFFICE_HOURS) ?? [];
  return {
    fromDay: Number(fromDay),
    toDay: Number(toDay),
    opensAt: Number(openH) * 60 + Number(openM),
    closesAt: Number(closeH) * 60 + Number(closeM),
    timeZone: e.AGENT_TIMEZONE,
  };
}
