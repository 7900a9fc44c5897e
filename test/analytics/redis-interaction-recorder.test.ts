import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DAY_MS } from '../../src/analytics/interaction-store.js';
import { RedisInteractionRecorder } from '../../src/analytics/redis-interaction-recorder.js';
import { silentLogger } from '../../src/observability/logger.js';
import { eventually } from '../support/eventually.js';
import { deleteKeys, REDIS_URL } from '../support/test-server.js';
import { capturingLogger, interaction } from './interactions.js';

const redis = new Redis(REDIS_URL);
const prefix = `test:${randomUUID().slice(0, 8)}:`;
afterAll(async () => {
  await deleteKeys(prefix);
  redis.disconnect();
});

let n = 0;
/** A recorder on a stream of its own. */
function recorder(now?: () => number) {
  const keyPrefix = `${prefix}${++n}:`;
  const store = new RedisInteractionRecorder({ redis, keyPrefix, maxEntries: 1000, retentionMs: 30 * DAY_MS, logger: silentLogger(), ...(now ? { now } : {}) });
  return { store, key: `${keyPrefix}analytics` };
}

describe('RedisInteractionRecorder', () => {
  it('appends one entry to <prefix>analytics, its id stamped with the record time', async () => {
    const { store, key } = recorder();
    const before = Date.now();
    store.record(interaction({ user: 'feedc0ffee12', question: 'Où est mon dossier ?' }));
    const [[id, fields] = ['', []]] = await eventually(async () => {
      const entries = await redis.xrange(key, '-', '+');
      if (entries.length === 0) throw new Error('no entry yet');
      return entries;
    });
    expect(Number(id.split('-')[0])).toBeGreaterThanOrEqual(before - 1000);
    expect(fields).toEqual(expect.arrayContaining(['user', 'feedc0ffee12', 'question', 'Où est mon dossier ?', 'outcome', 'ok']));
  });

  it('drops entries older than the retention by their id, on read (explicit ids, no waiting)', async () => {
    const { store, key } = recorder();
    const old = Date.now() - 31 * DAY_MS;
    await redis.xadd(key, `${old}-0`, 'at', String(old), 'user', 'u', 'platform', 'whatsapp', 'machine', 'm', 'version', '1',
      'state', 's', 'event', 'user.text', 'length', '1', 'ms', '1', 'outcome', 'ok', 'question', 'Vieille question ?');
    await redis.xadd(key, `${Date.now() - 29 * DAY_MS}-0`, ...['at', '1', 'user', 'u', 'platform', 'whatsapp', 'machine', 'm'],
      ...['version', '1', 'state', 's', 'event', 'user.text', 'length', '1', 'ms', '1', 'outcome', 'ok', 'question', 'Récente ?']);
    expect((await store.recent(10)).map((r) => r.question)).toEqual(['Récente ?']);
    expect(await redis.xlen(key)).toBe(1);
  });

  it('skips entries that are not interaction records', async () => {
    const { store, key } = recorder();
    await redis.xadd(key, '*', 'hello', 'world');
    await redis.xadd(key, '*', ...['at', 'soon', 'user', 'u', 'platform', 'whatsapp', 'machine', 'm', 'version', '1'],
      ...['state', 's', 'event', 'e', 'length', '1', 'ms', '1', 'outcome', 'ok']);
    store.record(interaction({ user: 'kept' }));
    const records = await eventually(async () => {
      const all = await store.recent(10);
      if (all.length === 0) throw new Error('no record yet');
      return all;
    });
    expect(records.map((r) => r.user)).toEqual(['kept']);
  });

  it('never throws into the turn when Redis is unreachable: the failure is logged', async () => {
    const { logger, lines } = capturingLogger();
    const down = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    const store = new RedisInteractionRecorder({ redis: down, keyPrefix: prefix, maxEntries: 10, retentionMs: DAY_MS, logger });
    expect(() => store.record(interaction())).not.toThrow();
    await eventually(() => lines().some((line) => line.msg === 'analytics: interactions could not be stored'));
    await expect(store.recent(10)).rejects.toThrow();
    down.disconnect();
  });
});
