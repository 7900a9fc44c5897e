import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_PHONE_NUMBER_ID } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { answerOf, deliver, deterministicCss, duplicatesOf, makeUsers, newStats, received, settled } from './conversations.js';
import { metricSum, startStand, type Stand } from './stand.js';

/** The remaining time to live (ms) of every conversation lease now, by conversation. */
async function leaseTtls(stand: Stand): Promise<Map<string, number>> {
  const keys = (await stand.busyKeys()).filter((key) => key.endsWith(':lease'));
  const ttls = await Promise.all(keys.map((key) => stand.redis.pttl(key)));
  return new Map(keys.map((key, i) => [key.slice(key.indexOf('{') + 1, key.lastIndexOf('}')), ttls[i] ?? -2]));
}

/**
 * The conversations the killed process held: of the leases present at the kill, those that then run down without
 * ever being renewed (a dead process neither renews nor releases; the survivor renews its own every 3 s or
 * releases them). Doubtful cases count as the dead process's, so the set is never too small.
 */
async function heldByKilled(stand: Stand, atKill: Map<string, number>, killedAt: number): Promise<Set<string>> {
  const verdicts = new Map<string, boolean>();
  await eventually(async () => {
    const now = await leaseTtls(stand);
    const elapsed = Date.now() - killedAt;
    for (const [conversation, ttlAtKill] of atKill) {
      if (verdicts.has(conversation)) continue;
      const ttl = now.get(conversation);
      const unrenewed = ttlAtKill - elapsed;
      if (ttl === undefined) verdicts.set(conversation, elapsed >= ttlAtKill - 200); // released early: the survivor's
      else if (ttl > unrenewed + 500) verdicts.set(conversation, false); // renewed or taken anew: the survivor's
      else if (elapsed > 4_000) verdicts.set(conversation, true); // a renewal period passed without one
    }
    return verdicts.size === atKill.size;
  }, 15_000, 100);
  return new Set([...verdicts].filter(([, dead]) => dead).map(([conversation]) => conversation));
}

// kill -9 of one of two processes in the middle of a load: the survivor takes over once the leases expire.
describe('kill -9 of one of two processes under load', () => {
  let stand: Stand;
  let a: SpawnedServer;
  let b: SpawnedServer;
  beforeAll(async () => {
    // Answers take up to 300 ms, so the process killed has CSS calls in flight as well as turns.
    stand = await startStand({ css: deterministicCss(300) });
    [a, b] = await Promise.all([stand.spawn(), stand.spawn()]);
  }, 20_000);
  afterAll(async () => stand?.close(), 10_000);

  it('answers every accepted message; a reply goes out twice at most once per conversation the dead process held', async () => {
    const users = makeUsers(16, 6);
    const total = 16 * 6;
    const stats = newStats();
    let acked = 0;
    let crash: Promise<{ lanes: number; calls: number; exit: number | null; held: Set<string>; at: number }> | undefined;
    await Promise.all(
      users.map(async (user, u) => {
        for (const [m, { body }] of user.messages.entries()) {
          // Alternate processes; once A is dead, Meta's redelivery of a failed POST reaches B.
          const first = (u + m) % 2 === 0 ? a : b;
          await deliver(body, (attempt) => (attempt === 0 ? first : b).url, stats);
          acked += 1;
          if (acked === total / 2) {
            crash = (async () => {
              const [lanes, calls] = await Promise.all([metricSum(a, 'wa_active_lanes'), metricSum(a, 'wa_effects_in_flight')]);
              const exit = await a.kill('SIGKILL');
              const at = Date.now();
              return { lanes, calls, exit, held: await heldByKilled(stand, await leaseTtls(stand), at), at };
            })();
          }
        }
      }),
    );
    const { lanes, calls, exit, held, at } = await (crash ?? Promise.reject(new Error('the crash never happened')));
    expect(exit).toBeNull(); // ended by the signal
    expect(lanes + calls).toBeGreaterThan(0); // the kill landed while A had work in hand: turns or CSS calls

    await settled(stand, users, 40_000);
    const recovery = Date.now() - at;

    // Nothing lost, first occurrences still in each user's order.
    expect(users.map((user) => [...new Set(received(stand.graph.requests, user).answers)])).toEqual(
      users.map((user) => user.messages.map((message) => answerOf(message.question))),
    );
    const duplicates = duplicatesOf(stand.graph.requests, users);
    console.log(
      `kill -9: A had ${lanes} turn(s) and ${calls} CSS call(s) in hand and held ${held.size} conversation(s) at the kill; ${duplicates.total} duplicate reply(ies) ${JSON.stringify([...duplicates.byUser])}; ` +
        `all answered ${recovery} ms after the kill; ${stats.unreachable} POST(s) to the dead process redelivered`,
    );
    expect(duplicates.total).toBeLessThanOrEqual(held.size); // at most one per conversation the dead process held
    for (const [phone, extra] of duplicates.byUser) {
      expect({ phone, extra, held: held.has(`${DEFAULT_PHONE_NUMBER_ID}:${phone}`) }).toEqual({ phone, extra: 1, held: true });
    }
  }, 60_000);
});
