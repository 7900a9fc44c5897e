import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { MemoryAgentLinks } from '../../../src/adapters/memory/memory-agent-links.js';
import { RedisAgentLinks } from '../../../src/adapters/redis/redis-agent-links.js';
import { AGENT_LINK_SECONDS, type AgentLinks } from '../../../src/ports/agent-links.js';
import { deleteKeys, REDIS_URL } from '../../support/test-server.js';

const redis = new Redis(REDIS_URL);
const prefix = `test:${randomUUID().slice(0, 8)}:`;
afterAll(async () => {
  await deleteKeys(prefix);
  redis.disconnect();
});

const ref = { user: { id: 'SN.abc', bsuid: 'SN.abc' }, phoneNumberId: 'PN1' };

describe.each([
  ['memory', () => new MemoryAgentLinks()],
  ['redis', () => new RedisAgentLinks({ redis, keyPrefix: prefix })],
] as const)('AgentLinks (%s)', (_name, make: () => AgentLinks) => {
  it('finds the conversation a pseudonym was linked to, and nothing for an unknown one', async () => {
    const links = make();
    await links.link('pseudo000001', ref);
    expect(await links.find('pseudo000001')).toEqual(ref);
    expect(await links.find('pseudo000002')).toBeUndefined();
  });

  it('keeps the latest link of a pseudonym', async () => {
    const links = make();
    await links.link('pseudo000003', ref);
    const moved = { user: { id: '221770000001', phone: '221770000001' }, phoneNumberId: 'PN1' };
    await links.link('pseudo000003', moved);
    expect(await links.find('pseudo000003')).toEqual(moved);
  });
});

describe('AgentLinks expiry', () => {
  it('forgets a link AGENT_LINK_SECONDS after it was made (memory)', async () => {
    let now = 0;
    const links = new MemoryAgentLinks(() => now);
    await links.link('old', ref);
    now = AGENT_LINK_SECONDS * 1000 + 1;
    expect(await links.find('old')).toBeUndefined();
  });

  it('sets the Redis key to expire', async () => {
    await new RedisAgentLinks({ redis, keyPrefix: prefix }).link('ttl', ref);
    const ttl = await redis.ttl(`${prefix}agent:ttl`);
    expect(ttl).toBeGreaterThan(AGENT_LINK_SECONDS - 60);
  });
});
