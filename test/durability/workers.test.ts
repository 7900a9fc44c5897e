import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { deliver, deterministicCss, exactlyOnceInOrder, makeUsers, newStats, received, settled } from './conversations.js';
import { startStand, type Stand } from './stand.js';

// WORKERS=2: one `npm start`, two server processes on one port (node:cluster), every guarantee kept.
describe('WORKERS: several server processes from one start', () => {
  let stand: Stand;
  beforeAll(async () => {
    stand = await startStand({ css: deterministicCss() });
  }, 10_000);
  afterAll(async () => stand?.close(), 15_000);

  it('answers every message once and in order, and stops all processes with exit code 0 on SIGTERM', async () => {
    const server = await stand.spawn({ WORKERS: '2' });
    const users = makeUsers(8, 4);
    const stats = newStats();
    for (let round = 0; round < 4; round++) {
      await Promise.all(users.map((user) => deliver(user.messages[round]?.body ?? { object: '', entry: [] }, () => server.url, stats)));
    }
    await settled(stand, users, 20_000);
    expect(users.map((user) => received(stand.graph.requests, user).answers)).toEqual(users.map((user) => exactlyOnceInOrder(user).answers));
    await eventually(() => server.logs.filter((line) => line.includes('webhook server listening')).length === 2);
    const pids = new Set(server.logs.flatMap((line) => (line.includes('webhook server listening') ? [(JSON.parse(line) as { pid: number }).pid] : [])));
    expect(pids.size).toBe(2);
    expect(await server.kill('SIGTERM')).toBe(0);
  }, 40_000);
});
