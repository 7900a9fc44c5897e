import type { Billable, PricingCategory, StatusPricing } from '../domain/message-pricing.js';

/** A message the Graph API accepted, with the machine state that sent it. */
export interface SentMessage {
  /** The conversation key; the ledger keeps a pseudonym of it only. */
  readonly conversation: string;
  readonly machine: string;
  readonly state: string;
  /** Meta's id for it (absent in dry run): its status webhooks are matched by it. */
  readonly wamid?: string;
  /** When it was sent (ms since epoch). */
  readonly at: number;
}

/** A status webhook's `pricing` for one of our messages. */
export interface PricedMessage {
  readonly wamid: string;
  readonly pricing: StatusPricing;
  /** The status's timestamp (ms): the day it is counted on when the message is not ours or too old to match. */
  readonly at: number;
}

/** Counts since the ledger began, by machine and state (and Meta's category for priced messages). */
export interface LedgerTotals {
  readonly sent: ReadonlyArray<{ readonly machine: string; readonly state: string; readonly count: number }>;
  readonly priced: ReadonlyArray<{
    readonly machine: string;
    readonly state: string;
    readonly category: PricingCategory;
    readonly billable: Billable;
    readonly count: number;
  }>;
}

/** One UTC day of messages (a message is counted on the day it was sent, its pricing too). */
export interface LedgerDay {
  /** `YYYY-MM-DD`, UTC. */
  readonly date: string;
  readonly sent: number;
  /** Users who received at least one message that day: Meta's conversations, one per user and day. */
  readonly conversations: number;
  /** Messages whose status carried `pricing`, by whether Meta bills them. */
  readonly priced: Readonly<Record<Billable, number>>;
  readonly byCategory: Readonly<Partial<Record<PricingCategory, number>>>;
}

/**
 * Counts every message sent and what Meta says it costs, shared by every process on one store. Counting never
 * costs a reply: callers log a failure and go on.
 *
 * @example
 * await ledger.recordSent({ conversation: key, machine: 'css-assistant', state: 'dialog.menu', wamid, at: Date.now() });
 * await ledger.recordPricing({ wamid, pricing: { category: 'service', billable: 'yes' }, at }); // false when already counted
 */
export interface MessageLedger {
  recordSent(message: SentMessage): Promise<void>;
  /** Counts the pricing once per message however often (and in however many statuses) Meta sends it; false if already counted. */
  recordPricing(priced: PricedMessage): Promise<boolean>;
  totals(): Promise<LedgerTotals>;
  /** The given days (`YYYY-MM-DD`), in that order; a day without messages counts zeros. */
  days(dates: readonly string[]): Promise<LedgerDay[]>;
}
