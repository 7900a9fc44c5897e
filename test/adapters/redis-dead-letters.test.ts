import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisDeadLetters } from '../../src/adapters/redis/redis-dead-letters.js';
import { deleteKeys, REDIS_URL } from '../support/test-server.js';

const prefix = `test:${randomUUID().slice(0, 8)}:`;
const redis = new Redis(REDIS_URL);
afterAll(async () => {
  await deleteKeys(prefix);
  redis.disconnect();
});

const letter = (id: string) =>
  JSON.stringify({ conversation: 'PN:221770000000', item: { id, recipient: { phoneNumberId: 'PN', to: '221770000000' }, message: { type: 'text', text: id }, state: 'idle' }, reason: 'boom', at: 1 });

describe('RedisDeadLetters', () => {
  it('lists newest first and replays oldest first, keeping what failed', async () => {
    for (const id of ['a', 'b', 'c']) await redis.lpush(`${prefix}dead`, letter(id));
    const dead = new RedisDeadLetters(redis, prefix);
    expect((await dead.list()).map((l) => l.item.id)).toEqual(['c', 'b', 'a']);
    const sent: string[] = [];
    const result = await dead.replay(async (l) => {
      if (l.item.id === 'b') throw new Error('still refused');
      sent.push(l.item.id);
    });
    expect(result).toEqual({ replayed: 1, failed: 'still refused' });
    expect(sent).toEqual(['a']);
    expect((await dead.list()).map((l) => l.item.id)).toEqual(['c', 'b']);
    expect(await dead.replay(async (l) => void sent.push(l.item.id))).toEqual({ replayed: 2 });
    expect(sent).toEqual(['a', 'b', 'c']);
  });
});
