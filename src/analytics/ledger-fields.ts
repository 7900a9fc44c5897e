/**
 * How the message ledger writes its counts (one hash of totals, one hash per day), shared by the memory and the Redis
 * ledgers so that both read back the same figures.
 */

import { type Billable, type PricingCategory, pricingCategory } from '../domain/message-pricing.js';
import type { LedgerDay, LedgerTotals } from '../ports/message-ledger.js';

const SEP = '\t';
/** Machine and state of a message Meta priced that we cannot match to a send (not ours, or sent too long ago). */
export const UNMATCHED = '(unmatched)';
/** How long a send can be matched to its statuses, and a priced message stays deduplicated (Meta retries for 7 days). */
export const MATCH_WINDOW_SECONDS = 8 * 24 * 3600;
/** How long the per-day counts are kept. */
export const DAYS_KEPT = 90;

/**
 * The UTC day of `at` (ms).
 *
 * @example
 * dayOf(Date.UTC(2026, 10, 29, 23, 59)) // '2026-11-29'
 */
export const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** Totals field of the messages `machine` sent in `state`. */
export const sentField = (machine: string, state: string): string => ['sent', machine, state].join(SEP);
/** Totals field of the priced messages of `machine` in `state`, by Meta's category and whether it bills them. */
export const pricedField = (machine: string, state: string, category: PricingCategory, billable: Billable): string =>
  ['priced', machine, state, category, billable].join(SEP);

/** Day hash field of the messages sent that day. */
export const DAY_SENT = 'sent';
/** Day hash fields of the priced messages sent that day, by billable and by category. */
export const dayBillableField = (billable: Billable): string => `billable${SEP}${billable}`;
export const dayCategoryField = (category: PricingCategory): string => `category${SEP}${category}`;

/** What a sent message's wamid is matched back to when its status arrives. */
export const attribution = (machine: string, state: string, date: string): string => [machine, state, date].join(SEP);

/** An attribution read back; none (not ours, or expired): `UNMATCHED`, counted on the status's own day. */
export function readAttribution(value: string | null | undefined, fallbackDate: string): { machine: string; state: string; date: string } {
  const [machine, state, date] = value?.split(SEP) ?? [];
  return machine && state && date ? { machine, state, date } : { machine: UNMATCHED, state: UNMATCHED, date: fallbackDate };
}

const BILLABLE: readonly Billable[] = ['yes', 'no', 'unknown'];
const asBillable = (value: string | undefined): Billable => BILLABLE.find((b) => b === value) ?? 'unknown';

/** The totals hash read back. */
export function totalsFrom(hash: Readonly<Record<string, string>>): LedgerTotals {
  const sent: Array<LedgerTotals['sent'][number]> = [];
  const priced: Array<LedgerTotals['priced'][number]> = [];
  for (const [field, value] of Object.entries(hash)) {
    const [kind, machine = '', state = '', category = '', billable] = field.split(SEP);
    const count = Number(value);
    if (kind === 'sent') sent.push({ machine, state, count });
    else if (kind === 'priced') priced.push({ machine, state, category: pricingCategory(category), billable: asBillable(billable), count });
  }
  return { sent, priced };
}

/** One day's hash and conversation count read back. */
export function dayFrom(date: string, hash: Readonly<Record<string, string>>, conversations: number): LedgerDay {
  const priced: Record<Billable, number> = { yes: 0, no: 0, unknown: 0 };
  const byCategory: Partial<Record<PricingCategory, number>> = {};
  for (const [field, value] of Object.entries(hash)) {
    const [kind, name = ''] = field.split(SEP);
    if (kind === 'billable') priced[asBillable(name)] += Number(value);
    else if (kind === 'category') byCategory[pricingCategory(name)] = Number(value);
  }
  return { date, sent: Number(hash[DAY_SENT] ?? 0), conversations, priced, byCategory };
}
