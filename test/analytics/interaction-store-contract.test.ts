import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DAY_MS, type InteractionStore } from '../../src/analytics/interaction-store.js';
import { MAX_QUESTION_CHARS } from '../../src/analytics/interaction-fields.js';
import { MemoryInteractionRecorder } from '../../src/analytics/memory-interaction-recorder.js';
import { RedisInteractionRecorder } from '../../src/analytics/redis-interaction-recorder.js';
import { silentLogger } from '../../src/observability/logger.js';
import { eventually } from '../support/eventually.js';
import { deleteKeys, REDIS_URL } from '../support/test-server.js';
import { capturingLogger, interaction } from './interactions.js';

const RETENTION = 30 * DAY_MS;
const clients: Redis[] = [];
const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
  clients.forEach((client) => client.disconnect());
});

interface Options {
  maxEntries?: number;
  now?: () => number;
  logger?: ReturnType<typeof silentLogger>;
}
const stores: Array<[string, (options?: Options) => InteractionStore]> = [
  ['memory', (o = {}) => new MemoryInteractionRecorder({ maxEntries: 1000, retentionMs: RETENTION, logger: silentLogger(), ...o })],
  [
    'redis',
    (o = {}) => {
      const redis = new Redis(REDIS_URL);
      clients.push(redis);
      const keyPrefix = `test:${randomUUID().slice(0, 8)}:`;
      prefixes.push(keyPrefix);
      return new RedisInteractionRecorder({ redis, keyPrefix, maxEntries: 1000, retentionMs: RETENTION, logger: silentLogger(), ...o });
    },
  ],
];

/** Records are fire-and-forget: wait until `count` of them can be read back. */
const readBack = (store: InteractionStore, count: number, limit = 10_000) =>
  eventually(async () => {
    const records = await store.recent(limit);
    if (records.length < count) throw new Error(`${records.length} of ${count} records so far`);
    return records;
  });

// One contract, two stores: what /admin/stats relies on holds in memory and in Redis.
describe.each(stores)('interaction store contract (%s)', (_name, create) => {
  it('reads records back whole, newest first, at most `limit`', async () => {
    const store = create();
    const first = interaction({ at: Date.now() - 2, user: 'u1', question: 'Première ?' });
    const { question: _none, ...second } = interaction({ at: Date.now() - 1, user: 'u2', event: 'timer', outcome: 'ignored', responseLength: 0 });
    store.record(first);
    store.record(second);
    expect(await readBack(store, 2)).toEqual([second, first]);
    expect(await store.recent(1)).toEqual([second]);
  });

  it('cuts very long questions to MAX_QUESTION_CHARS', async () => {
    const store = create();
    store.record(interaction({ question: 'é'.repeat(4096) }));
    const [record] = await readBack(store, 1);
    expect(record?.question).toHaveLength(MAX_QUESTION_CHARS);
    expect(record?.question?.endsWith('…')).toBe(true);
  });

  it('keeps about maxEntries records, dropping the oldest', async () => {
    const store = create({ maxEntries: 100 });
    for (let n = 0; n < 1000; n++) store.record(interaction({ user: `u${n}` }));
    const records = await eventually(async () => {
      const all = await store.recent(10_000);
      if (all[0]?.user !== 'u999') throw new Error('the last record is not stored yet');
      return all;
    });
    // Redis trims whole stream nodes (MAXLEN ~): at most one node (100 entries) beyond the cap remains.
    expect(records.length).toBeGreaterThanOrEqual(100);
    expect(records.length).toBeLessThanOrEqual(200);
    expect(records.map((r) => r.user)).not.toContain('u0');
  });

  it('drops records, questions included, once older than the retention', async () => {
    let now = Date.now();
    const store = create({ now: () => now });
    store.record(interaction({ question: 'Ma question privée ?' }));
    await readBack(store, 1);
    now += RETENTION - 60_000;
    expect(await store.dropExpired()).toBe(0);
    expect(await store.recent(10)).toHaveLength(1);
    now += 120_000;
    // Reads never return an expired record, trimmed or not.
    expect(await store.recent(10)).toEqual([]);
    store.record(interaction({ at: now, question: 'Une nouvelle ?' }));
    now += RETENTION + 60_000;
    expect(await eventually(() => store.dropExpired())).toBe(1);
    expect(await store.recent(10)).toEqual([]);
  });

  it('writes one log line per record, without the question text', async () => {
    const { logger, lines } = capturingLogger();
    const store = create({ logger });
    store.record(interaction({ question: 'Mon numéro est le 1234567 ?', user: 'feedc0ffee12' }));
    const [line] = lines();
    expect(line).toMatchObject({
      msg: 'interaction',
      analytics: { user: 'feedc0ffee12', state: 'idle', event: 'user.text', outcome: 'ok', questionLength: 27, responseMs: 850 },
    });
    expect(JSON.stringify(lines())).not.toContain('1234567');
  });
});
