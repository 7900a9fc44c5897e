import { describe, expect, it } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { withCallDeadline } from '../../../src/adapters/http/call-deadline.js';

/** A call that ends only when its signal aborts, with the signal's reason. */
const untilAborted = (signal: AbortSignal | undefined): Promise<never> =>
  new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));

describe('withCallDeadline', () => {
  it('aborts the call with a TimeoutError once the time is up', async () => {
    await expect(withCallDeadline(20, undefined, untilAborted)).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('aborts the call when the caller aborts, with the caller’s reason', async () => {
    const caller = new AbortController();
    const call = withCallDeadline(60_000, caller.signal, untilAborted);
    caller.abort(new Error('the effect’s deadline'));
    await expect(call).rejects.toThrow('the effect’s deadline');
  });

  it('leaves nothing behind on the caller’s signal once the call has settled', async () => {
    const caller = new AbortController();
    expect(await withCallDeadline(60_000, caller.signal, async () => 'answered')).toBe('answered');
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it('passes the caller’s signal through when there is no deadline', async () => {
    expect.assertions(1);
    const caller = new AbortController();
    await withCallDeadline(undefined, caller.signal, async (signal) => expect(signal).toBe(caller.signal));
  });
});
