import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemoryMessageLedger } from '../../src/analytics/memory-message-ledger.js';
import { lastDays, messageStats } from '../../src/analytics/message-stats.js';
import { RedisMessageLedger } from '../../src/analytics/redis-message-ledger.js';
import { createPseudonymizer } from '../../src/observability/pseudonymize.js';
import type { MessageLedger } from '../../src/ports/message-ledger.js';
import { deleteKeys, REDIS_URL } from '../support/test-server.js';

const clients: Redis[] = [];
const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
  clients.forEach((client) => client.disconnect());
});

const pseudonym = createPseudonymizer('ledger-test-key');
const ledgers: Array<[string, () => MessageLedger]> = [
  ['memory', () => new MemoryMessageLedger({ pseudonym })],
  [
    'redis',
    () => {
      const redis = new Redis(REDIS_URL);
      clients.push(redis);
      const keyPrefix = `test:${randomUUID().slice(0, 8)}:`;
      prefixes.push(keyPrefix);
      return new RedisMessageLedger({ redis, keyPrefix, pseudonym });
    },
  ],
];

const DAY1 = Date.UTC(2026, 10, 28, 23, 59);
const DAY2 = Date.UTC(2026, 10, 29, 0, 1);
const sent = (conversation: string, wamid: string | undefined, at: number, state = 'dialog.idle') =>
  ({ conversation, machine: 'css-assistant', state, at, ...(wamid === undefined ? {} : { wamid }) });

// The same figures from the memory ledger (embedded store) and the Redis one (every process together).
describe.each(ledgers)('message ledger contract (%s)', (_name, create) => {
  it('counts by machine and state, per UTC day, and conversations as users per day', async () => {
    const ledger = create();
    await ledger.recordSent(sent('PN:221770000001', 'wamid.A', DAY1, 'dialog.welcome'));
    await ledger.recordSent(sent('PN:221770000001', 'wamid.B', DAY2));
    await ledger.recordSent(sent('PN:221770000001', 'wamid.C', DAY2));
    // Dry run: no wamid, still a message.
    await ledger.recordSent(sent('PN:221770000002', undefined, DAY2));
    const totals = await ledger.totals();
    expect(totals.sent).toEqual(expect.arrayContaining([
      { machine: 'css-assistant', state: 'dialog.welcome', count: 1 },
      { machine: 'css-assistant', state: 'dialog.idle', count: 3 },
    ]));
    expect(totals.priced).toEqual([]);
    const [first, second, none] = await ledger.days(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(first).toMatchObject({ date: '2026-11-28', sent: 1, conversations: 1 });
    expect(second).toMatchObject({ date: '2026-11-29', sent: 3, conversations: 2 });
    expect(none).toEqual({ date: '2026-11-30', sent: 0, conversations: 0, priced: { yes: 0, no: 0, unknown: 0 }, byCategory: {} });
  });

  it('counts a pricing once per message, on the day the message was sent, and one not ours apart', async () => {
    const ledger = create();
    await ledger.recordSent(sent('PN:221770000003', 'wamid.D', DAY1));
    const pricing = { category: 'service', billable: 'yes', pricingModel: 'PMP' } as const;
    expect(await ledger.recordPricing({ wamid: 'wamid.D', pricing, at: DAY2 })).toBe(true);
    expect(await ledger.recordPricing({ wamid: 'wamid.D', pricing, at: DAY2 })).toBe(false);
    expect(await ledger.recordPricing({ wamid: 'wamid.E', pricing: { category: 'utility', billable: 'no' }, at: DAY2 })).toBe(true);
    expect((await ledger.totals()).priced).toEqual(expect.arrayContaining([
      { machine: 'css-assistant', state: 'dialog.idle', category: 'service', billable: 'yes', count: 1 },
      { machine: '(unmatched)', state: '(unmatched)', category: 'utility', billable: 'no', count: 1 },
    ]));
    const [first, second] = await ledger.days(['2026-11-28', '2026-11-29']);
    expect(first).toMatchObject({ sent: 1, priced: { yes: 1, no: 0, unknown: 0 }, byCategory: { service: 1 } });
    expect(second).toMatchObject({ sent: 0, priced: { yes: 0, no: 1, unknown: 0 }, byCategory: { utility: 1 } });
  });
});

describe('messageStats', () => {
  const day = { date: '2026-11-29', sent: 9, conversations: 4, priced: { yes: 6, no: 1, unknown: 0 }, byCategory: { service: 7 } };

  it('gives messages per conversation, and the estimated cost of the messages not said to be free', () => {
    expect(messageStats([day], 12.5).days[0]).toMatchObject({ messagesPerConversation: 2.25, estimatedCostXof: 100, estimatedCostPerConversationXof: 25 });
  });

  it('estimates nothing without a rate, and divides by no empty day', () => {
    const empty = { ...day, sent: 0, conversations: 0, priced: { yes: 0, no: 0, unknown: 0 }, byCategory: {} };
    expect(messageStats([day, empty], undefined)).toEqual({
      rateXof: null,
      days: [
        { ...day, messagesPerConversation: 2.25, estimatedCostXof: null, estimatedCostPerConversationXof: null },
        { ...empty, messagesPerConversation: null, estimatedCostXof: null, estimatedCostPerConversationXof: null },
      ],
    });
  });

  it('lists the last days, today (UTC) last', () => {
    expect(lastDays(Date.UTC(2026, 0, 1, 0, 30), 3)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01']);
  });
});
