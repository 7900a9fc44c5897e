import { describe, expect, it } from '@jest/globals';
import { MemoryPipeline } from '../../src/adapters/memory/memory-pipeline.js';

describe('MemoryPipeline', () => {
  it('forgets expired sessions nobody came back to, so memory follows live users', async () => {
    let now = 1_000_000;
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60, now: () => now });
    await pipeline.accept([{ wamid: 'w1', user: { id: 'u', phone: 'u' }, phoneNumberId: 'PN', timestamp: 1, content: { type: 'text', body: 'x' } }]);
    const turn = (await pipeline.lease('PN:u'))!;
    await turn.commit({ inputId: 'w1', conversation: { machineId: 'm', version: 1, snapshot: { value: 'idle' } }, outbox: [] });
    expect(await turn.release()).toBe(true);
    expect(pipeline.conversationCount).toBe(1);
    now += 61_000;
    await pipeline.next(10, 0);
    expect(pipeline.conversationCount).toBe(0);
  });
});
