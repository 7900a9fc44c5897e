import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_PHONE_NUMBER_ID, textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import type { SpawnedServer } from '../support/spawn-server.js';
import { deliver, makeUsers, newStats } from './conversations.js';
import { metricSum, startStand, type Stand } from './stand.js';

const QUESTION = 'Comment obtenir mon attestation ?';

// A process stalls (SIGSTOP: a GC pause, a frozen VM) while it runs a CSS call for a user. Once the call's lease
// passes (its timeout plus a margin), another process runs the call again and the user gets that answer. When the
// first one wakes up, its late outcome is a duplicate of an outcome already applied: no stale reply, and the
// snapshot the other process wrote stays.
describe('a process paused while it runs a CSS call', () => {
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
    const env = { CSS_API_TIMEOUT_MS: '20000' };
    servers = await Promise.all([stand.spawn(env), stand.spawn(env)]);
  }, 20_000);
  afterAll(async () => {
    open();
    await stand?.close();
  }, 10_000);

  it('has its call run again by the other process, and its own late outcome is not applied', async () => {
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

    // Whoever runs the call has it in flight: freeze that one.
    const inFlight = await Promise.all(servers.map((server) => metricSum(server, 'wa_effects_in_flight')));
    const holder = servers[inFlight.findIndex((count) => count > 0)];
    const other = servers.find((server) => server !== holder);
    if (!holder || !other) throw new Error(`cannot tell which process runs the call: ${JSON.stringify(inFlight)}`);
    holder.signal('SIGSTOP');
    const pausedAt = Date.now();

    // The call's claim (15 s, no longer renewed) runs out; the other process runs it again and answers, in one
    // message with its buttons attached.
    await replies(2, 30_000);
    expect(seen()[1]).toContain(`FRESH answer to ${QUESTION}\n[menu:`);
    const takeover = Date.now() - pausedAt;
    expect(await metricSum(other, 'wa_effects_recovered_total')).toBe(1);
    await say('menu', other);
    await replies(3, 10_000);
    const newer = await stand.redis.get(conversation);
    expect(newer).toContain('"dialog":"menu"');

    // Wake the paused process and let its hanging CSS call end: its outcome is a duplicate, not applied.
    holder.signal('SIGCONT');
    open();
    await eventually(async () => (await metricSum(holder, 'wa_effect_duration_seconds_count')) >= 1, 15_000, 100);
    console.log(`paused process: its call was run again ${takeover} ms after SIGSTOP; its own outcome was dropped`);
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
