import { describe, expect, it } from '@jest/globals';
import { IngestGauge } from '../../src/engine/ingest-gauge.js';

describe('IngestGauge', () => {
  it('is busy from the threshold on, and stays busy for the hold time after the count drops', async () => {
    const gauge = new IngestGauge(3, 80);
    gauge.enter();
    gauge.enter();
    expect(gauge.busy).toBe(false);
    await gauge.quiet(); // not busy: resolves at once
    gauge.enter();
    expect(gauge.busy).toBe(true);
    let quietAt = 0;
    const quiet = gauge.quiet().then(() => (quietAt = performance.now()));
    gauge.leave();
    const droppedAt = performance.now();
    expect(gauge.busy).toBe(true); // a dip between two batches of answers is still a burst
    await quiet;
    expect(gauge.busy).toBe(false);
    expect(quietAt - droppedAt).toBeGreaterThanOrEqual(70);
  });

  it('wakes every waiter, and a new delivery during the hold postpones the wake-up', async () => {
    const gauge = new IngestGauge(1, 60);
    gauge.enter();
    const woken: number[] = [];
    const waiters = [gauge.quiet().then(() => woken.push(1)), gauge.quiet().then(() => woken.push(2))];
    gauge.leave();
    await new Promise((resolve) => setTimeout(resolve, 30));
    gauge.enter();
    gauge.leave();
    const lastDrop = performance.now();
    await Promise.all(waiters);
    expect(woken.sort()).toEqual([1, 2]);
    expect(performance.now() - lastDrop).toBeGreaterThanOrEqual(50);
  });
});
