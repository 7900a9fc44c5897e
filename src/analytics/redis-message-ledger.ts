import type { Cluster, Redis } from 'ioredis';
import { sharedKeys } from '../adapters/redis/redis-keys.js';
import { type Script, defineScript } from '../adapters/redis/redis-scripts.js';
import type { Pseudonymize } from '../observability/pseudonymize.js';
import type { LedgerDay, LedgerTotals, MessageLedger, PricedMessage, SentMessage } from '../ports/message-ledger.js';
import {
  DAYS_KEPT, DAY_SENT, MATCH_WINDOW_SECONDS, attribution, dayBillableField, dayCategoryField, dayFrom, dayOf, pricedField,
  readAttribution, sentField, totalsFrom,
} from './ledger-fields.js';

/**
 * KEYS: totals, day, day's users, sent:<wamid>.  ARGV: totals field, user pseudonym, attribution ('' in dry run),
 * day TTL (s), match window (s). One round trip per message sent.
 */
const RECORD_SENT = `
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('HINCRBY', KEYS[2], '${DAY_SENT}', 1)
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('SADD', KEYS[3], ARGV[2])
redis.call('EXPIRE', KEYS[3], ARGV[4])
if ARGV[3] ~= '' then redis.call('SET', KEYS[4], ARGV[3], 'EX', ARGV[5]) end`;

/**
 * KEYS: priced:<wamid>, totals, day.  ARGV: match window (s), totals field, billable field, category field, day TTL (s).
 * Counts once per wamid: the mark and the counts are written together. Returns 1 when counted, 0 for a duplicate.
 */
const RECORD_PRICING = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
redis.call('EXPIRE', KEYS[3], ARGV[5])
return 1`;

export interface RedisMessageLedgerOptions {
  /** The shared command connection (standalone or Cluster); the ledger opens none of its own. */
  readonly redis: Redis | Cluster;
  readonly keyPrefix: string;
  /** Users are kept as pseudonyms only. */
  readonly pseudonym: Pseudonymize;
}

/**
 * The message ledger in Redis, under the key prefix (see `redis-keys.ts`): counters every process increments, so
 * several processes on one Redis count together, and a mark per priced wamid so that a status delivered twice, or
 * the `sent` and `delivered` statuses of one message, count once.
 *
 * @example
 * const ledger = new RedisMessageLedger({ redis, keyPrefix: 'wa:', pseudonym });
 */
export class RedisMessageLedger implements MessageLedger {
  private readonly keys: ReturnType<typeof sharedKeys>;
  private readonly recordSentScript: Script;
  private readonly recordPricingScript: Script;

  constructor(private readonly options: RedisMessageLedgerOptions) {
    this.keys = sharedKeys(options.keyPrefix);
    this.recordSentScript = defineScript(options.redis, 'waRecordSent', RECORD_SENT);
    this.recordPricingScript = defineScript(options.redis, 'waRecordPricing', RECORD_PRICING);
  }

  async recordSent({ conversation, machine, state, wamid, at }: SentMessage): Promise<void> {
    const date = dayOf(at);
    const keys = this.keys;
    await this.recordSentScript(
      [keys.costTotal, keys.costDay(date), keys.costUsers(date), keys.costSent(wamid ?? '-')],
      [sentField(machine, state), this.options.pseudonym(conversation), wamid === undefined ? '' : attribution(machine, state, date), DAYS_KEPT * 24 * 3600, MATCH_WINDOW_SECONDS],
    );
  }

  async recordPricing({ wamid, pricing, at }: PricedMessage): Promise<boolean> {
    const keys = this.keys;
    const { machine, state, date } = readAttribution(await this.options.redis.get(keys.costSent(wamid)), dayOf(at));
    const counted = await this.recordPricingScript(
      [keys.costPriced(wamid), keys.costTotal, keys.costDay(date)],
      [
        MATCH_WINDOW_SECONDS,
        pricedField(machine, state, pricing.category, pricing.billable),
        dayBillableField(pricing.billable),
        dayCategoryField(pricing.category),
        DAYS_KEPT * 24 * 3600,
      ],
    );
    return counted === 1;
  }

  async totals(): Promise<LedgerTotals> {
    return totalsFrom(await this.options.redis.hgetall(this.keys.costTotal));
  }

  async days(dates: readonly string[]): Promise<LedgerDay[]> {
    const { redis } = this.options;
    return Promise.all(
      dates.map(async (date) => {
        const [hash, conversations] = await Promise.all([redis.hgetall(this.keys.costDay(date)), redis.scard(this.keys.costUsers(date))]);
        return dayFrom(date, hash, conversations);
      }),
    );
  }
}
