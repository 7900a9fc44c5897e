import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_PHONE_NUMBER_ID, textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { deliver, makeUsers, newStats } from './conversations.js';
import { startStand, type Stand } from './stand.js';

const QUESTION = 'Comment obtenir mon attestation ?';

// A process stalls (SIGSTOP: a GC pause, a frozen VM) in the middle of a turn, past its lease. Another process
// takes the conversation over and moves it on. When the first one wakes up, its late commit must be refused
// (fencing): no stale reply, no older snapshot over the newer one.
describe('a process paused past its lease', () => {
  let stand: Stand;
  let servers: SpawnedServer[];
  let open: () => void = () => undefined;
  const gate = new Promise<string>((resolve) => (open = () => resolve('STALE answer')));
  let asked = 0;
  beforeAll(async () => {
    // The first ask of QUESTION hangs until the gate opens; a later ask (the takeover) is answered at once.
    stand = await startStand({
      css: (question) => (question === QUESTION && asked++ === 0 ? gate : `FRESH answer to ${question}`),
    });
    servers = await Promise.all([stand.spawn({ CSS_API_TIMEOUT_MS: '60000' }), stand.spawn({ CSS_API_TIMEOUT_MS: '60000' })]);
  }, 20_000);
  afterAll(async () => {
    open();
    await stand?.close();
  }, 10_000);

  it('cannot send its stale reply nor overwrite the snapshot written by the process that took over', async () => {
    const [user] = makeUsers(1, 0);
    const phone = user?.phone ?? '';
    const conversation = `${stand.keyPrefix}{${DEFAULT_PHONE_NUMBER_ID}:${phone}}:conv`;
    const stats = newStats();
    const say = (body: string, server: SpawnedServer) => deliver(webhookBody(textMessage({ from: phone, body })), () => server.url, stats);
    const seen = () => textsOf(stand.graph.requests, phone);
    /** Waits for `count` replies, failing with what the user got and what the servers logged. */
    const replies = (count: number, timeoutMs: number) =>
      eventually(() => {
        if (seen().length >= count) return true;
        const logs = servers.flatMap((server) => server.logs.filter((line) => !line.includes('"level":30')).slice(-3));
        throw new Error(`${seen().length}/${count} replies: ${JSON.stringify(seen())}; css asked ${JSON.stringify(stand.css.questions)}; ${logs.join('\n')}`);
      }, timeoutMs, 100);

    await say('bonjour', servers[0] as SpawnedServer);
    await replies(1, 10_000);
    await say(QUESTION, servers[0] as SpawnedServer);
    await eventually(() => stand.css.questions.length === 1, 10_000);

    // Whoever took the ticket holds the turn (its consumer name carries its pid): freeze that one.
    const [, , , owners] = (await stand.redis.xpending(`${stand.keyPrefix}ready`, 'workers')) as [number, string, string, Array<[string, string]>];
    const holder = servers.find((server) => owners.some(([name]) => name.startsWith(`worker-${server.pid}-`)));
    const other = servers.find((server) => server !== holder);
    if (!holder || !other) throw new Error(`cannot tell which process holds the turn: ${JSON.stringify(owners)}`);
    holder.signal('SIGSTOP');
    const pausedAt = Date.now();

    // The lease (10 s) runs out; the other process reclaims the work, asks again and answers.
    // The answer is one message, its buttons attached.
    await replies(2, 30_000);
    expect(seen()[1]).toContain(`FRESH answer to ${QUESTION}\n[menu:`);
    const takeover = Date.now() - pausedAt;
    await say('menu', other);
    await replies(3, 10_000);
    const newer = await stand.redis.get(conversation);
    expect(newer).toContain('"dialog":"menu"');

    // Wake the paused process and let its hanging CSS call finish: its commit must be refused.
    holder.signal('SIGCONT');
    open();
    const refused = await holder.waitForLog(/LeaseLostError/, 15_000);
    console.log(`paused process: taken over ${takeover} ms after SIGSTOP; its late commit was refused: ${refused.slice(0, 200)}`);
    expect(await stand.redis.get(conversation)).toBe(newer);

    // The conversation goes on from the newer snapshot: in the menu, "2" picks the second category.
    await say('2', other);
    await replies(4, 10_000);
    const texts = seen();
    expect(texts.some((text) => text.includes('STALE'))).toBe(false);
    expect(texts).toHaveLength(4);
    expect(texts[0]).toContain('Bienvenue');
    expect(texts[1]).toContain(`FRESH answer to ${QUESTION}\n[menu:`);
    expect(texts[2]).toMatch(/\[cotisations:.+\] \[prestations:/);
    expect(texts[3]).toMatch(/\[prestations\./);
    expect(stand.css.questions).toEqual([QUESTION, QUESTION]);
  }, 60_000);
});
