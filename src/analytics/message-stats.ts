import type { LedgerDay } from '../ports/message-ledger.js';
import { dayOf } from './ledger-fields.js';

/** One day of messages as `GET /admin/stats` shows it. */
export interface MessageDayStats extends LedgerDay {
  /** Messages sent per conversation (a user on a day); `null` on a day without any. */
  readonly messagesPerConversation: number | null;
  /** `MESSAGE_RATE_XOF` × the messages Meta did not say are free; `null` without a rate. */
  readonly estimatedCostXof: number | null;
  readonly estimatedCostPerConversationXof: number | null;
}

/** What `GET /admin/stats` reports under `messages`. */
export interface MessageStats {
  /** The configured price of one billed message (francs CFA); `null`: no estimate. */
  readonly rateXof: number | null;
  /** The last days, oldest first, today (UTC) last. */
  readonly days: readonly MessageDayStats[];
}

const DAY_MS = 24 * 3600 * 1000;
const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * The `count` UTC days ending with the day of `now`, oldest first.
 *
 * @example
 * lastDays(Date.UTC(2026, 10, 29), 2) // ['2026-11-28', '2026-11-29']
 */
export function lastDays(now: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => dayOf(now - (count - 1 - index) * DAY_MS));
}

/**
 * Messages per day and per conversation, and with a rate the estimated cost: every message sent is counted as
 * billed unless one of its status webhooks said otherwise (`billable: false`, or a free `pricing.type`), since Meta
 * bills service messages per message since 2026-10-01. No price is built in.
 *
 * @example
 * messageStats(await ledger.days(lastDays(Date.now(), 30)), 20).days.at(-1)?.estimatedCostXof
 */
export function messageStats(days: readonly LedgerDay[], rateXof: number | undefined): MessageStats {
  return {
    rateXof: rateXof ?? null,
    days: days.map((day) => {
      const billed = Math.max(0, day.sent - day.priced.no);
      const cost = rateXof === undefined ? null : round(billed * rateXof);
      const perConversation = (value: number | null) => (value === null || day.conversations === 0 ? null : round(value / day.conversations));
      return { ...day, messagesPerConversation: perConversation(day.sent), estimatedCostXof: cost, estimatedCostPerConversationXof: perConversation(cost) };
    }),
  };
}
