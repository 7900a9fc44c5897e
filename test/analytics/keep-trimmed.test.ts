import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { keepTrimmed } from '../../src/analytics/keep-trimmed.js';
import { capturingLogger } from './interactions.js';

afterEach(() => {
  jest.useRealTimers();
});

describe('keepTrimmed', () => {
  it('drops expired records every period, logs a failure and keeps going, stops when told', async () => {
    jest.useFakeTimers();
    const { logger, lines } = capturingLogger();
    let calls = 0;
    const store = {
      dropExpired: async () => {
        calls += 1;
        if (calls === 1) throw new Error('Redis is down');
        return 3;
      },
    };
    const stop = keepTrimmed(store, logger, 60_000);
    await jest.advanceTimersByTimeAsync(59_999);
    expect(calls).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(2);
    expect(lines().map((line) => line.msg)).toEqual([
      'analytics: expired interactions could not be dropped; retrying',
      'analytics: expired interactions dropped',
    ]);
    stop();
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toBe(2);
  });
});
