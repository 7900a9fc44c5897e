import { ExpiringSet } from '../adapters/memory/expiring-set.js';
import type { Pseudonymize } from '../observability/pseudonymize.js';
import type { LedgerDay, LedgerTotals, MessageLedger, PricedMessage, SentMessage } from '../ports/message-ledger.js';
import {
  DAYS_KEPT, DAY_SENT, MATCH_WINDOW_SECONDS, attribution, dayBillableField, dayCategoryField, dayFrom, dayOf, pricedField,
  readAttribution, sentField, totalsFrom,
} from './ledger-fields.js';

const bump = (counts: Map<string, number>, field: string): void => {
  counts.set(field, (counts.get(field) ?? 0) + 1);
};

/**
 * The message ledger of the embedded store (one process, nothing survives a restart), with the same figures as the
 * Redis ledger. Days older than `DAYS_KEPT` are dropped as new ones begin.
 *
 * @example
 * const ledger = new MemoryMessageLedger({ pseudonym });
 */
export class MemoryMessageLedger implements MessageLedger {
  private readonly total = new Map<string, number>();
  private readonly perDay = new Map<string, { counts: Map<string, number>; users: Set<string> }>();
  private readonly sentBy = new Map<string, string>();
  private readonly matchable: ExpiringSet;
  private readonly priced: ExpiringSet;

  constructor(private readonly options: { readonly pseudonym: Pseudonymize; readonly now?: () => number }) {
    const now = options.now ?? Date.now;
    this.matchable = new ExpiringSet(MATCH_WINDOW_SECONDS * 1000, now, (wamid) => this.sentBy.delete(wamid));
    this.priced = new ExpiringSet(MATCH_WINDOW_SECONDS * 1000, now);
  }

  recordSent({ conversation, machine, state, wamid, at }: SentMessage): Promise<void> {
    const date = dayOf(at);
    const day = this.day(date);
    bump(this.total, sentField(machine, state));
    bump(day.counts, DAY_SENT);
    day.users.add(this.options.pseudonym(conversation));
    if (wamid !== undefined && this.matchable.add(wamid)) this.sentBy.set(wamid, attribution(machine, state, date));
    return Promise.resolve();
  }

  recordPricing({ wamid, pricing, at }: PricedMessage): Promise<boolean> {
    if (!this.priced.add(wamid)) return Promise.resolve(false);
    const { machine, state, date } = readAttribution(this.sentBy.get(wamid), dayOf(at));
    const day = this.day(date);
    bump(this.total, pricedField(machine, state, pricing.category, pricing.billable));
    bump(day.counts, dayBillableField(pricing.billable));
    bump(day.counts, dayCategoryField(pricing.category));
    return Promise.resolve(true);
  }

  totals(): Promise<LedgerTotals> {
    return Promise.resolve(totalsFrom(Object.fromEntries([...this.total].map(([field, count]) => [field, String(count)]))));
  }

  days(dates: readonly string[]): Promise<LedgerDay[]> {
    return Promise.resolve(
      dates.map((date) => {
        const day = this.perDay.get(date);
        const hash = Object.fromEntries([...(day?.counts ?? [])].map(([field, count]) => [field, String(count)]));
        return dayFrom(date, hash, day?.users.size ?? 0);
      }),
    );
  }

  private day(date: string): { counts: Map<string, number>; users: Set<string> } {
    const found = this.perDay.get(date);
    if (found) return found;
    const created = { counts: new Map<string, number>(), users: new Set<string>() };
    this.perDay.set(date, created);
    // Days arrive in order: the oldest are the first entries.
    while (this.perDay.size > DAYS_KEPT) this.perDay.delete(this.perDay.keys().next().value as string);
    return created;
  }
}
