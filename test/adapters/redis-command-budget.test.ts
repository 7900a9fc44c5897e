import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server.js';
import { startTestServer } from '../support/test-server.js';

/** Reads of the work stream serve a batch of messages, not one; `xlen` is the test's own probe. */
const NOT_PER_MESSAGE = new Set(['xreadgroup', 'xautoclaim', 'xlen']);

// What one message costs in commands the process sends to Redis (the commands its scripts run inside Redis are not
// counted): a guard for the round trips the pipeline was trimmed to. A Redis of the test's own, so only we count.
describe('Redis commands per message', () => {
  let redis: RedisServerHandle;
  beforeAll(async () => {
    redis = await startRedisServer();
  }, 15_000);
  afterAll(async () => redis?.dispose(), 10_000);

  it('costs at most 8.5 commands for a greeting answered at once, and 12 for a question: accept, turns, rate limits, sends, message ledger, analytics (batched)', async () => {
    const t = await startTestServer({ store: 'redis', env: { REDIS_URL: redis.url } });
    const monitor = new Redis(redis.url);
    const probe = new Redis(redis.url);
    try {
      const greet = async (users: string[]) => {
        await Promise.all(users.map((user) => t.post(webhookBody(textMessage({ from: user, body: 'bonjour' })))));
        await eventually(() => users.every((user) => textsOf(t.graph.requests, user).length === 1), 10_000);
        // The reply is out before its turn ends (settle, release, ticket done): wait for the last ticket to go.
        await eventually(async () => (await probe.xlen(`${t.config.keyPrefix}ready`)) === 0, 10_000);
      };
      /** Commands sent to Redis while `act` runs, per user, leaving out those that serve a batch. */
      const counted = async (users: readonly string[], act: () => Promise<void>): Promise<{ perUser: number; kinds: string }> => {
        const sent: string[] = [];
        const feed = await monitor.monitor();
        feed.on('monitor', (_time: string, args: unknown[], source: string) => {
          if (source !== 'lua') sent.push(String(args[0]).toLowerCase());
        });
        await act();
        feed.disconnect();
        return { perUser: sent.filter((command) => !NOT_PER_MESSAGE.has(command)).length / users.length, kinds: [...new Set(sent)].join(', ') };
      };
      // A first message loads every script (EVALSHA falls back to EVAL once each).
      await greet(['221779990000']);
      const users = Array.from({ length: 50 }, (_, i) => `2217799${String(i + 1).padStart(5, '0')}`);
      const greeting = await counted(users, () => greet(users));
      console.log(`Redis commands sent per greeting: ${greeting.perUser} (${greeting.kinds})`);
      // 8 today (7 scripts, the last send giving the conversation back, and the message ledger's script per message
      // sent; analytics records go in batches); the timer and effect polls add a little. A ceiling: fewer is fine.
      expect(greeting.perUser).toBeLessThanOrEqual(8.5);

      // The same users, in their session, ask a question: a turn that starts the CSS call, the call's outcome stored,
      // a turn that applies it and sends the answer.
      const question = await counted(users, async () => {
        await Promise.all(users.map((user) => t.post(webhookBody(textMessage({ from: user, body: `Question de ${user} ?` })))));
        await eventually(() => users.every((user) => textsOf(t.graph.requests, user).length === 2), 10_000);
        await eventually(async () => (await probe.xlen(`${t.config.keyPrefix}ready`)) === 0, 10_000);
      });
      console.log(`Redis commands sent per question: ${question.perUser} (${question.kinds})`);
      // 11 today: each turn's last write gives the conversation back; the message ledger counts the answer in one
      // script; analytics records go in batches.
      expect(question.perUser).toBeLessThanOrEqual(12);
    } finally {
      monitor.disconnect();
      probe.disconnect();
      await t.close();
    }
  }, 30_000);
});
