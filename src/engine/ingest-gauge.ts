/**
 * Webhook deliveries waiting for their 200, counted so that the worker can give way to them. Meta retries a
 * delivery that is slow to be acknowledged, so under a burst the process acknowledges first (every accepted
 * message is already durable in the inbox) and works the backlog down as the burst ends.
 *
 * @example
 * const ingest = new IngestGauge();
 * ingest.enter(); try { await accept(); } finally { ingest.leave(); }
 * if (ingest.busy) await ingest.quiet();
 */
export class IngestGauge {
  private inFlight = 0;
  /** When deliveries in flight last reached `busyAt` (ms, monotonic clock). */
  private lastBusyAt = -Infinity;
  private waiters: Array<() => void> = [];
  private wakeTimer: NodeJS.Timeout | undefined;

  /**
   * @param busyAt deliveries in flight from which ingestion counts as busy.
   * @param holdMs how long it stays busy after the count last reached `busyAt`: a burst's requests are answered in
   *   batches, and the short dips between batches must not let the whole backlog start at once.
   */
  constructor(
    private readonly busyAt = 32,
    private readonly holdMs = 100,
  ) {}

  get busy(): boolean {
    return this.inFlight >= this.busyAt || performance.now() - this.lastBusyAt < this.holdMs;
  }

  enter(): void {
    this.inFlight += 1;
    if (this.inFlight >= this.busyAt) this.lastBusyAt = performance.now();
  }

  leave(): void {
    if (this.inFlight >= this.busyAt) this.lastBusyAt = performance.now();
    this.inFlight -= 1;
    this.scheduleWake();
  }

  /** Resolves once ingestion is no longer busy (at once if it is not). */
  quiet(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.scheduleWake();
    });
  }

  private scheduleWake(): void {
    if (this.waiters.length === 0 || this.wakeTimer || this.inFlight >= this.busyAt) return;
    const wait = Math.max(0, this.lastBusyAt + this.holdMs - performance.now());
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      if (this.busy) return this.scheduleWake();
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }, wait);
    this.wakeTimer.unref();
  }
}
