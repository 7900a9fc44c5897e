import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { MemoryConversationMover } from '../../../src/adapters/memory/memory-conversation-mover.js';
import { MemoryPipeline } from '../../../src/adapters/memory/memory-pipeline.js';
import { RedisConversationMover } from '../../../src/adapters/redis/redis-conversation-mover.js';
import { RedisPipeline } from '../../../src/adapters/redis/redis-pipeline.js';
import type { IdentityChange, UserRef } from '../../../src/domain/inbound.js';
import { conversationKey } from '../../../src/domain/conversation-key.js';
import type { Inbox, StoredConversation, WorkSource } from '../../../src/ports/conversation-pipeline.js';
import { ConversationBusyError, type ConversationMover } from '../../../src/ports/conversation-mover.js';
import { deleteKeys, REDIS_URL } from '../../support/test-server.js';

type Stand = { pipeline: Inbox & WorkSource; mover: ConversationMover };

const clients: Redis[] = [];
const prefixes: string[] = [];
afterAll(async () => {
  clients.forEach((client) => client.disconnect());
  for (const prefix of prefixes) await deleteKeys(prefix);
});

const stands: Array<[string, () => Promise<Stand>]> = [
  ['memory', async () => {
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    return { pipeline, mover: new MemoryConversationMover(pipeline) };
  }],
  ['redis', async () => {
    const [redis, blockingRedis] = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    clients.push(redis, blockingRedis);
    const keyPrefix = `test:${randomUUID().slice(0, 8)}:`;
    prefixes.push(keyPrefix);
    const pipeline = new RedisPipeline({ redis, blockingRedis, keyPrefix, sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    await pipeline.init();
    return { pipeline, mover: new RedisConversationMover({ redis, keyPrefix }) };
  }],
];

const PN = 'PN1';
const user = (id: string, phone = id): UserRef => ({ id, phone });
const conversation = (value: string): StoredConversation => ({ machineId: 'm', version: 1, snapshot: { value } });
const change = (previousIds: string[], to: UserRef): IdentityChange => ({ wamid: `wamid.${randomUUID()}`, phoneNumberId: PN, timestamp: 1, previousIds, user: to });

/** Stores `stored` as `who`'s conversation the way a turn does: a message in, a commit, the turn given back. */
async function storeFor({ pipeline }: Stand, who: UserRef, stored: StoredConversation): Promise<void> {
  const wamid = `wamid.${randomUUID()}`;
  await pipeline.accept([{ wamid, user: who, phoneNumberId: PN, timestamp: 1, content: { type: 'text', body: 'x' } }]);
  const turn = await pipeline.lease(conversationKey({ phoneNumberId: PN, user: who }));
  if (!turn) throw new Error('the conversation is held');
  await turn.commit({ inputId: wamid, conversation: stored, outbox: [] });
  expect(await turn.release()).toBe(true);
}

async function loaded({ pipeline }: Stand, who: UserRef): Promise<StoredConversation | undefined> {
  const turn = await pipeline.lease(conversationKey({ phoneNumberId: PN, user: who }));
  if (!turn) throw new Error('the conversation is held');
  const stored = await turn.load();
  await turn.release();
  return stored;
}

describe.each(stands)('ConversationMover (%s)', (_name, start) => {
  it('moves the conversation to the new id with the new reply address, and leaves nothing under the old one', async () => {
    const stand = await start();
    const [before, after] = [user('221770100001'), user('221770100002')];
    await storeFor(stand, before, conversation('menu'));
    expect(await stand.mover.move(change([before.id], after))).toBe('moved');
    expect(await loaded(stand, after)).toMatchObject({ snapshot: { value: 'menu' }, contact: { user: after, phoneNumberId: PN } });
    expect(await loaded(stand, before)).toBeUndefined();
    expect(await stand.mover.move(change([before.id], after))).toBe('nothing-to-move'); // safe to repeat
  });

  it('keeps the conversation the new id already has, and still clears the old one', async () => {
    const stand = await start();
    const [before, after] = [user('221770100011'), user('221770100012')];
    await storeFor(stand, before, conversation('old'));
    await storeFor(stand, after, conversation('new'));
    expect(await stand.mover.move(change([before.id], after))).toBe('kept-newer');
    expect(await loaded(stand, after)).toMatchObject({ snapshot: { value: 'new' } });
    expect(await loaded(stand, before)).toBeUndefined();
  });

  it('refuses to move a conversation in a turn (the webhook answers 503, Meta delivers again)', async () => {
    const stand = await start();
    const [before, after] = [user('221770100021'), user('221770100022')];
    await storeFor(stand, before, conversation('busy'));
    const turn = await stand.pipeline.lease(conversationKey({ phoneNumberId: PN, user: before }));
    await expect(stand.mover.move(change([before.id], after))).rejects.toBeInstanceOf(ConversationBusyError);
    await turn?.release();
    expect(await stand.mover.move(change([before.id], after))).toBe('moved');
  });
});
