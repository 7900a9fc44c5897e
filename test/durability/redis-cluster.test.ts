import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Cluster } from 'ioredis';
import { DEFAULT_PHONE_NUMBER_ID } from '../builders/payloads.js';
import { startRedisCluster, type RedisClusterHandle } from '../support/redis-cluster.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { deliver, deterministicCss, exactlyOnceInOrder, makeUsers, newStats, received, settled, type User } from './conversations.js';
import { serverErrors, startStand, type Stand } from './stand.js';

// The same pipeline on a three-master Redis Cluster the test starts itself: every script must stay within one
// slot (hash tags), and conversations spread over the three masters.
describe('two processes on a three-master Redis Cluster', () => {
  let cluster: RedisClusterHandle | undefined;
  let stand: Stand;
  let a: SpawnedServer;
  let b: SpawnedServer;
  let client: Cluster;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    stand = await startStand({ store: { REDIS_CLUSTER_NODES: cluster.nodes }, css: deterministicCss(10) });
    if (!(stand.redis instanceof Cluster)) throw new Error('expected a cluster client');
    client = stand.redis;
    [a, b] = await Promise.all([stand.spawn(), stand.spawn()]);
  }, 40_000);
  afterAll(async () => {
    await stand?.close();
    await cluster?.stop();
  }, 15_000);

  /** The master port owning a slot, from CLUSTER SLOTS. */
  async function ownerOf(slot: number): Promise<number> {
    const range = (await client.cluster('SLOTS')).find(([from, to]) => slot >= from && slot <= to);
    if (!range?.[2]) throw new Error(`slot ${slot} is not served`);
    return range[2][1];
  }
  const slotOf = async (key: string): Promise<number> => Number(await client.cluster('KEYSLOT', key));

  it('answers each message once with duplicates delivered, keeping each conversation in one slot', async () => {
    // Two users per master, so every node carries conversations.
    const byOwner = new Map<number, User[]>();
    for (const user of makeUsers(30, 3)) {
      const owner = await ownerOf(await slotOf(`{${DEFAULT_PHONE_NUMBER_ID}:${user.phone}}`));
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), user]);
    }
    expect(byOwner.size).toBe(3);
    const users = [...byOwner.values()].flatMap((group) => group.slice(0, 2));
    expect(users).toHaveLength(6);

    const stats = newStats();
    await Promise.all(
      users.map(async (user) => {
        for (const [m, { body }] of user.messages.entries()) {
          if (m % 2 === 0) await Promise.all([deliver(body, () => a.url, stats), deliver(body, () => b.url, stats)]);
          else for (const server of [b, a]) await deliver(body, () => server.url, stats);
        }
      }),
    );
    const t = stand;
    const outcome = await settled(t, users, 12_000).then(() => 'settled', (error: Error) => error.message);
    // What the servers logged explains a stall better than the timeout does.
    const errors = [...new Set([a, b].flatMap(serverErrors))].slice(0, 5);
    expect({ outcome, errors }).toEqual({ outcome: 'settled', errors: [] });
    expect(stats).toEqual({ ok: 6 * 3 * 2, refused: 0, unreachable: 0 });
    expect(users.map((user) => received(t.graph.requests, user))).toEqual(users.map(exactlyOnceInOrder));
    expect([...t.css.questions].sort()).toEqual(users.flatMap((user) => user.messages.map((m) => m.question)).sort());

    // Every key of one conversation (snapshot, dedup marks…) lives in that conversation's slot, on its master.
    const masters = client.nodes('master');
    // Every reply Meta accepted is indexed by its wamid (written apart from the settle script on a cluster), so that
    // a failed status can find its conversation.
    const sentKeys = (await Promise.all(masters.map((node) => node.keys(`${t.keyPrefix}sent:*`)))).flat();
    expect(sentKeys).toHaveLength(t.graph.requests.length);
    expect(await client.get(sentKeys[0] ?? '')).toMatch(new RegExp(`^${DEFAULT_PHONE_NUMBER_ID}:\\d+$`));
    // Every reply is counted once in the message ledger, by both processes together, its keys in one slot.
    const costs = await client.hgetall(`${t.keyPrefix}{cost}:total`);
    const counted = Object.entries(costs).filter(([field]) => field.startsWith('sent\t')).reduce((sum, [, count]) => sum + Number(count), 0);
    expect(counted).toBe(t.graph.requests.length);
    for (const user of users) {
      const tag = `{${DEFAULT_PHONE_NUMBER_ID}:${user.phone}}`;
      const slot = await slotOf(tag);
      const found = await Promise.all(masters.map(async (node) => ({ port: node.options.port, keys: await node.keys(`${t.keyPrefix}${tag}*`) })));
      const holders = found.filter((entry) => entry.keys.length > 0);
      const keys = holders.flatMap((entry) => entry.keys);
      expect(keys.length).toBeGreaterThanOrEqual(1 + user.messages.length); // :conv and one :seen:<wamid> per message
      expect(holders.map((entry) => entry.port)).toEqual([await ownerOf(slot)]);
      expect(await Promise.all(keys.map(slotOf))).toEqual(keys.map(() => slot));
    }
  }, 40_000);
});
