import { describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import Koa from 'koa';
import { setup } from 'xstate';
describe('smoke', () => {
  it('loads', async () => {
    const r = new Redis();
    expect(await r.ping()).toBe('PONG');
    r.disconnect();
    expect(typeof new Koa().callback()).toBe('function');
    expect(setup({}).createMachine({ initial: 'a', states: { a: {} } }).id).toBeDefined();
  });
});
