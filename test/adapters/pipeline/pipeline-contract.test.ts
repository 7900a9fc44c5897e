import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemoryPipeline } from '../../../src/adapters/memory/memory-pipeline.js';
import { RedisPipeline } from '../../../src/adapters/redis/redis-pipeline.js';
import type { InboundMessage } from '../../../src/domain/inbound.js';
import type { EffectCall } from '../../../src/domain/effect-call.js';
import { LeaseLostError, type ConversationCensus, type Inbox, type OutboxItem, type WorkSource } from '../../../src/ports/conversation-pipeline.js';
import type { EffectJournal } from '../../../src/ports/effect-journal.js';
import { deleteKeys, REDIS_URL } from '../../support/test-server.js';

type Pipeline = Inbox & WorkSource & ConversationCensus & { readonly effects: EffectJournal };

const message = (user: string, wamid: string, body = wamid): InboundMessage => ({
  wamid,
  user: { id: user, phone: user },
  phoneNumberId: 'PN',
  timestamp: 1_764_000_000,
  content: { type: 'text', body },
});
const item = (id: string): OutboxItem => ({ id, recipient: { phoneNumberId: 'PN', to: 'u' }, message: { type: 'text', text: id }, state: 'idle' });
const conversation = { machineId: 'm', version: 1, snapshot: { value: 'idle' } };

const clients: Redis[] = [];
const prefixes: string[] = [];
afterAll(async () => {
  clients.forEach((c) => c.disconnect());
  for (const prefix of prefixes) await deleteKeys(prefix);
});

const stores: Array<[string, () => Promise<Pipeline>]> = [
  ['memory', async () => new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60, reclaimAfterMs: 0, memoryTtlSeconds: 60 })],
  [
    'redis',
    async () => {
      const redis = new Redis(REDIS_URL);
      const blockingRedis = new Redis(REDIS_URL);
      clients.push(redis, blockingRedis);
      const keyPrefix = `test:${randomUUID().slice(0, 8)}:`;
      prefixes.push(keyPrefix);
      const pipeline = new RedisPipeline({
        redis, blockingRedis, keyPrefix, sessionTtlSeconds: 60, dedupWindowSeconds: 60, reclaimAfterMs: 0, leaseMs: 500, memoryTtlSeconds: 60,
      });
      await pipeline.init();
      return pipeline;
    },
  ],
];

// One contract, two implementations: what the worker relies on holds for the memory and the Redis pipeline.
describe.each(stores)('conversation pipeline contract (%s)', (_name, create) => {
  let pipeline: Pipeline;
  beforeEach(async () => {
    pipeline = await create();
  });

  it('keeps each wamid once and the messages of a conversation in order', async () => {
    expect(await pipeline.accept([message('u1', 'a'), message('u1', 'b'), message('u1', 'a')])).toEqual({ accepted: 2, duplicates: 1 });
    expect(await pipeline.accept([message('u1', 'b'), message('u1', 'c')])).toEqual({ accepted: 1, duplicates: 1 });
    const tickets = await pipeline.next(10, 100);
    expect(new Set(tickets.map((t) => t.key))).toEqual(new Set(['PN:u1']));
    const turn = await pipeline.lease('PN:u1');
    const seen: string[] = [];
    for (let m = await turn!.nextInput(); m; m = await turn!.nextInput()) {
      seen.push(m.wamid);
      await turn!.commit({ inputId: m.wamid, conversation, outbox: [] });
    }
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(await turn!.load()).toEqual(conversation);
    expect(await turn!.release()).toBe(true);
    await pipeline.complete(tickets);
  });

  it('gives a conversation to one holder at a time, and back once released', async () => {
    await pipeline.accept([message('u2', 'x')]);
    const first = await pipeline.lease('PN:u2');
    expect(first).toBeDefined();
    expect(await pipeline.lease('PN:u2')).toBeUndefined();
    expect(await pipeline.lease('PN:other')).toBeDefined();
    expect(await first!.release()).toBe(false); // an inbound message is still waiting
    await first!.commit({ inputId: 'x', outbox: [item('x:0')] });
    expect(await first!.release()).toBe(false); // a reply is still waiting
    expect((await first!.pendingOutbox()).map((i) => i.id)).toEqual(['x:0']);
    await first!.settleOutbox('x:0');
    expect(await first!.release()).toBe(true);
    expect(await pipeline.lease('PN:u2')).toBeDefined();
  });

  it('sees a message that arrives after its last commit, keeps the turn for it, and loads what it committed', async () => {
    await pipeline.accept([message('u6', 'p1')]);
    const turn = (await pipeline.lease('PN:u6'))!;
    expect(await turn.load()).toBeUndefined();
    await turn.commit({ inputId: 'p1', conversation, outbox: [] });
    expect(await turn.nextInput()).toBeUndefined();
    await pipeline.accept([message('u6', 'p2')]);
    expect(await turn.release()).toBe(false);
    expect((await turn.nextInput())?.wamid).toBe('p2');
    const menu = { ...conversation, snapshot: { value: 'menu' } };
    await turn.commit({ inputId: 'p2', conversation: menu, outbox: [item('p2:0')] });
    expect(await turn.load()).toEqual(menu);
    expect((await turn.pendingOutbox()).map((i) => i.id)).toEqual(['p2:0']);
    await turn.settleOutbox('p2:0');
    expect(await turn.pendingOutbox()).toEqual([]);
    expect(await turn.release()).toBe(true);
    const next = (await pipeline.lease('PN:u6'))!;
    expect(await next.load()).toEqual(menu);
  });

  it('commits the snapshot, the outbox and the done mark together', async () => {
    await pipeline.accept([message('u3', 'm1'), message('u3', 'm2')]);
    const turn = (await pipeline.lease('PN:u3'))!;
    await turn.commit({ inputId: 'm1', conversation, outbox: [item('m1:0'), item('m1:1')] });
    expect((await turn.nextInput())?.wamid).toBe('m2');
    expect((await turn.pendingOutbox()).map((i) => i.id)).toEqual(['m1:0', 'm1:1']);
    await turn.settleOutbox('m1:1'); // not the head: nothing happens
    expect((await turn.pendingOutbox()).map((i) => i.id)).toEqual(['m1:0', 'm1:1']);
    await turn.settleOutbox('m1:0', { deadLetterReason: 'refused by Meta' });
    expect((await turn.pendingOutbox()).map((i) => i.id)).toEqual(['m1:1']);
  });

  it('counts live conversations per machine and state, and by the language they speak', async () => {
    await pipeline.accept([message('u6', 'c1'), message('u7', 'c2'), message('u8', 'c3')]);
    const conversations = [['u6', 'c1', 'idle', 'wo'], ['u7', 'c2', 'idle', undefined], ['u8', 'c3', { menu: 'open' }, 'en']] as const;
    for (const [user, wamid, value, locale] of conversations) {
      const turn = (await pipeline.lease(`PN:${user}`))!;
      const snapshot = { value, context: locale === undefined ? {} : { locale } };
      await turn.commit({ inputId: wamid, conversation: { machineId: 'm', version: 1, snapshot }, outbox: [] });
      await turn.release();
    }
    expect(await pipeline.countByState()).toEqual([
      { machineId: 'm', state: 'idle', count: 2, byLocale: { wo: 1, fr: 1 } },
      { machineId: 'm', state: 'menu.open', count: 1, byLocale: { en: 1 } },
    ]);
  });

  const call = (user: string, callId: string): EffectCall => ({
    callId,
    effect: 'askQuestion',
    actorId: 'askQuestion',
    input: { question: `question of ${user}` },
    conversation: { user: { id: user, phone: user }, phoneNumberId: 'PN' },
    startedAt: Date.now(),
  });

  it('records the effect calls a commit started, and hands a call whose runner died to the next claimer only', async () => {
    const now = Date.now();
    await pipeline.accept([message('u9', 'e1')]);
    const turn = (await pipeline.lease('PN:u9'))!;
    const started = call('u9', `call-${randomUUID()}`);
    await turn.commit({ inputId: 'e1', conversation, outbox: [], effects: [{ call: started, claimedUntil: now + 1000 }] });
    expect(await turn.release()).toBe(true);
    expect(await pipeline.effects.claimOverdue(now, 10, 5000)).toEqual([]); // its runner still owns it
    expect(await pipeline.effects.claimOverdue(now + 1500, 10, 5000)).toEqual([started]);
    expect(await pipeline.effects.claimOverdue(now + 2000, 10, 5000)).toEqual([]); // claimed until now + 6500
    await pipeline.effects.renew([started.callId, 'settled-meanwhile'], now + 20_000); // its runner is alive
    expect(await pipeline.effects.claimOverdue(now + 7000, 10, 5000)).toEqual([]);
    expect(await pipeline.effects.claimOverdue(now + 21_000, 10, 5000)).toEqual([started]);
  });

  it('puts an outcome into its lane once, however often the call is settled, and forgets the call', async () => {
    const now = Date.now();
    await pipeline.accept([message('u10', 'e2')]);
    const turn = (await pipeline.lease('PN:u10'))!;
    const started = call('u10', `call-${randomUUID()}`);
    await turn.commit({ inputId: 'e2', conversation, outbox: [], effects: [{ call: started, claimedUntil: now }] });
    await pipeline.effects.settle(started, { ok: true, output: 'la réponse' });
    await pipeline.effects.settle(started, { ok: true, output: 'la même, une seconde fois' });
    expect(await turn.release()).toBe(false); // the outcome is waiting in the lane
    const outcome = await turn.nextInput();
    expect(outcome).toMatchObject({
      wamid: `effect:${started.callId}`,
      user: started.conversation.user,
      phoneNumberId: 'PN',
      content: { type: 'effect-settled', callId: started.callId, actorId: 'askQuestion', effect: 'askQuestion', outcome: { ok: true, output: 'la réponse' } },
    });
    await turn.commit({ inputId: outcome!.wamid, outbox: [] });
    expect(await turn.nextInput()).toBeUndefined();
    expect(await turn.release()).toBe(true);
    expect(await pipeline.effects.claimOverdue(now + 60_000, 10, 5000)).toEqual([]);
  });

  it('keeps what a machine remembers of a user for the next session', async () => {
    await pipeline.accept([message('u11', 'k1')]);
    const turn = (await pipeline.lease('PN:u11'))!;
    expect(await turn.memory()).toBeUndefined();
    const memory = { lastSeenAt: 1_764_000_000_000, remembered: { locale: 'wo' } };
    await turn.commit({ inputId: 'k1', outbox: [], memory });
    expect(await turn.release()).toBe(true);
    const next = (await pipeline.lease('PN:u11'))!;
    expect(await next.load()).toBeUndefined(); // no session was stored, only the memory
    expect(await next.memory()).toEqual(memory);
    await next.release();
  });

  it('hands out again the tickets that were never completed', async () => {
    await pipeline.accept([message('u4', 'r1')]);
    const tickets = await pipeline.next(10, 100);
    expect(tickets.map((t) => t.key)).toContain('PN:u4');
    const again = await pipeline.reclaim(10);
    expect(again.map((t) => t.id)).toEqual(expect.arrayContaining(tickets.map((t) => t.id)));
    await pipeline.complete(again);
    expect(await pipeline.reclaim(10)).toEqual([]);
  });
});

describe('Redis pipeline fencing', () => {
  it('refuses every write of a holder whose lease expired and passed to another', async () => {
    const pipeline = await stores[1]![1]();
    await pipeline.accept([message('u5', 'f1')]);
    const late = (await pipeline.lease('PN:u5'))!;
    let current: Awaited<ReturnType<Pipeline['lease']>>;
    const deadline = Date.now() + 3000;
    while (!(current = await pipeline.lease('PN:u5')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(current).toBeDefined();
    await expect(late.commit({ inputId: 'f1', conversation: { ...conversation, snapshot: 'stale' }, outbox: [item('f1:0')] })).rejects.toThrow(LeaseLostError);
    expect(await late.extend()).toBe(false);
    await current!.commit({ inputId: 'f1', conversation, outbox: [] });
    expect(await current!.load()).toEqual(conversation);
    expect(await current!.pendingOutbox()).toEqual([]);
  });
});

describe('Redis pipeline: the write that leaves a conversation idle gives it back', () => {
  it('with a commit: only once no input is left, completing the lane’s tickets in the same step', async () => {
    const pipeline = await stores[1]![1]();
    await pipeline.accept([message('u7', 'g1'), message('u7', 'g2')]);
    const tickets = await pipeline.next(10, 100);
    const turn = (await pipeline.lease('PN:u7'))!;
    turn.releaseWhenIdle?.(() => tickets);
    await turn.commit({ inputId: 'g1', conversation, outbox: [] });
    expect(turn.released).toBeUndefined(); // g2 is still waiting
    expect(await pipeline.lease('PN:u7')).toBeUndefined();
    expect((await turn.nextInput())?.wamid).toBe('g2');
    await turn.commit({ inputId: 'g2', conversation, outbox: [] });
    expect(turn.released).toEqual(tickets);
    expect(await turn.nextInput()).toBeUndefined();
    // Given back, and its tickets completed: none is handed out again.
    expect(await pipeline.reclaim(10)).toEqual([]);
    const next = await pipeline.lease('PN:u7');
    expect(await next?.load()).toEqual(conversation);
  });

  it('with the last settled send, not with a commit that leaves replies to send', async () => {
    const pipeline = await stores[1]![1]();
    await pipeline.accept([message('u8', 'h1')]);
    const tickets = await pipeline.next(10, 100);
    const turn = (await pipeline.lease('PN:u8'))!;
    turn.releaseWhenIdle?.(() => tickets);
    await turn.commit({ inputId: 'h1', conversation, outbox: [item('h1:0'), item('h1:1')] });
    expect(turn.released).toBeUndefined();
    await turn.settleOutbox('h1:0');
    expect(turn.released).toBeUndefined(); // h1:1 is still to send
    await turn.settleOutbox('h1:1', { sentWamid: 'wamid.out.h1' });
    expect(turn.released).toEqual(tickets);
    expect(await pipeline.reclaim(10)).toEqual([]);
    expect(await pipeline.lease('PN:u8')).toBeDefined();
  });

  it('never without the holder’s offer', async () => {
    const pipeline = await stores[1]![1]();
    await pipeline.accept([message('u9', 'i1')]);
    const turn = (await pipeline.lease('PN:u9'))!;
    await turn.commit({ inputId: 'i1', conversation, outbox: [] });
    expect(turn.released).toBeUndefined();
    expect(await pipeline.lease('PN:u9')).toBeUndefined();
    expect(await turn.release()).toBe(true);
  });
});
