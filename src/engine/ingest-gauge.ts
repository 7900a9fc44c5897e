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
  private waiters: Array<() => void> = [];

  /** @param busyAt deliveries in flight from which ingestion counts as busy. */
  constructor(private readonly busyAt = 8) {}

  get busy(): boolean {
    return this.inFlight >= this.busyAt;
  }

  enter(): void {
    this.inFlight += 1;
  }

  leave(): void {
    this.inFlight -= 1;
    if (this.inFlight < this.busyAt && this.waiters.length > 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** Resolves once ingestion is no longer busy (at once if it is not). */
  quiet(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }
}
