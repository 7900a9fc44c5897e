import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { LeaseLostError, type Turn, type WorkSource, type WorkTicket } from '../ports/conversation-pipeline.js';
import { handleMessage, type HandleMessageDeps } from './handle-message.js';
import type { IngestGauge } from './ingest-gauge.js';
import { refusedSendMessage } from './runtime-messages.js';
import { sendOutbox, WINDOW_CLOSED, type SendOutboxDeps } from './send-outbox.js';

export interface WorkerOptions extends HandleMessageDeps, SendOutboxDeps {
  readonly source: WorkSource;
  /** Conversations worked on at once by this process. */
  readonly concurrency: number;
  /** Webhook deliveries waiting for their 200: while they pile up, few new conversations are started. */
  readonly ingest?: IngestGauge;
  /** How often a held turn's lease is renewed. */
  readonly leaseRenewMs?: number;
  /** How often tickets abandoned by crashed or busy workers are looked for. */
  readonly reclaimEveryMs?: number;
  /** How often machine timers that fell due are looked for. */
  readonly timerPollMs?: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** While ingestion is busy, new lanes are limited to this share of `concurrency` (at least one keeps work moving). */
const BUSY_SHARE = 1 / 64;

interface Lane {
  readonly tickets: WorkTicket[];
  /** How many of `tickets` were completed when the lane gave the conversation back. */
  completed: number;
}

/**
 * Takes work tickets and runs one lane per conversation: within a lane messages are handled strictly in
 * order, one at a time; lanes of different users run side by side up to `concurrency`.
 */
export class ConversationWorker {
  private readonly lanes = new Map<string, Lane>();
  /** Tickets taken from the source but not yet in a lane (ingestion was busy); a stop leaves them to be reclaimed. */
  private readonly waiting: WorkTicket[] = [];
  private readonly finished = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | undefined;
  private reclaimTimer: NodeJS.Timeout | undefined;
  private timerPoll: NodeJS.Timeout | undefined;
  private laneFreed: (() => void) | undefined;

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.pullLoop();
    this.reclaimTimer = setInterval(() => void this.reclaim(), this.options.reclaimEveryMs ?? 2000);
    this.timerPoll = setInterval(() => void this.fireTimers(), this.options.timerPollMs ?? 1000);
  }

  /** Stops taking work and waits (up to `timeoutMs`) for the lanes in hand to finish. */
  async stop(timeoutMs = 8000): Promise<void> {
    this.running = false;
    clearInterval(this.reclaimTimer);
    clearInterval(this.timerPoll);
    this.laneFreed?.();
    await this.loop;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.all(this.finished), deadline]);
  }

  get activeLanes(): number {
    return this.lanes.size;
  }

  /**
   * Lanes that may run now: all of them, or a few while webhook deliveries are waiting. Acknowledging first keeps
   * Meta from redelivering during a burst; the turns wait in the durable inbox meanwhile.
   */
  private get laneLimit(): number {
    const { concurrency, ingest } = this.options;
    return ingest?.busy ? Math.max(1, Math.floor(concurrency * BUSY_SHARE)) : concurrency;
  }

  private async pullLoop(): Promise<void> {
    while (this.running) {
      this.startWaiting();
      const free = this.laneLimit - this.lanes.size - this.waiting.length;
      if (free <= 0) {
        const laneFreed = new Promise<void>((resolve) => (this.laneFreed = resolve));
        const { ingest } = this.options;
        await (ingest?.busy ? Promise.race([laneFreed, ingest.quiet()]) : laneFreed);
        continue;
      }
      try {
        this.dispatch(await this.options.source.next(free, 1000));
      } catch (error) {
        this.options.logger.error({ err: error }, 'cannot read work from the store; retrying in 1 s');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async reclaim(): Promise<void> {
    try {
      this.dispatch(await this.options.source.reclaim(Math.max(1, this.laneLimit - this.lanes.size - this.waiting.length)));
    } catch (error) {
      this.options.logger.warn({ err: error }, 'cannot reclaim abandoned work');
    }
  }

  private async fireTimers(): Promise<void> {
    try {
      await this.options.source.fireDueTimers(Date.now(), 100);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'cannot deliver due machine timers');
    }
  }

  /** Hands tickets to the lanes of their conversations, or queues them until a lane may start. */
  private dispatch(tickets: readonly WorkTicket[]): void {
    this.waiting.push(...tickets);
    this.startWaiting();
  }

  private startWaiting(): void {
    while (this.running && this.waiting.length > 0) {
      const ticket = this.waiting[0] as WorkTicket;
      const lane = this.lanes.get(ticket.key);
      if (lane) {
        // This process already works on that conversation: the running lane will see the new message.
        lane.tickets.push(ticket);
        this.waiting.shift();
        continue;
      }
      // Read by the time ingestion got busy: claimed, but started only as lanes allow.
      if (this.lanes.size >= this.laneLimit) return;
      this.waiting.shift();
      const fresh: Lane = { tickets: [ticket], completed: 0 };
      this.lanes.set(ticket.key, fresh);
      this.options.metrics.activeLanes.set(this.lanes.size);
      const done = this.runLane(ticket.key, fresh).finally(() => {
        this.lanes.delete(ticket.key);
        this.options.metrics.activeLanes.set(this.lanes.size);
        this.finished.delete(done);
        this.laneFreed?.();
        this.laneFreed = undefined;
        // Tickets that came in after the lane gave the conversation back announce new work: start again.
        if (this.running && fresh.completed > 0) this.dispatch(fresh.tickets.slice(fresh.completed));
        else this.startWaiting();
      });
      this.finished.add(done);
    }
  }

  private async runLane(key: string, lane: Lane): Promise<void> {
    const { source, logger } = this.options;
    let turn: Turn | undefined;
    try {
      turn = await source.acquire(key);
      // Busy on another process: that holder will handle the message; our ticket comes back via reclaim.
      if (!turn) return;
    } catch (error) {
      logger.error({ conversation: this.options.pseudonym(key), err: error }, 'cannot take the turn');
      return;
    }
    const held = turn;
    const renew = setInterval(() => {
      held.extend().catch((error: unknown) => logger.warn({ conversation: this.options.pseudonym(key), err: error }, 'lease renewal failed'));
    }, this.options.leaseRenewMs ?? 3000);
    try {
      const flush = async () => {
        const { windowClosed } = await sendOutbox(this.options, held);
        // Meta refused the user (24-hour window): the machine hears it and the conversation goes quiet.
        if (windowClosed) await handleMessage(this.options, held, refusedSendMessage(windowClosed, WINDOW_CLOSED));
      };
      do {
        await flush();
        for (let message = await held.nextInbound(); message; message = await held.nextInbound()) {
          await handleMessage(this.options, held, message);
          await flush();
        }
      } while (!(await held.release()));
      lane.completed = lane.tickets.length;
      await source.complete(lane.tickets.slice());
    } catch (error) {
      // Tickets stay incomplete and the lease expires: another worker (or this one) picks the work up again.
      const level = error instanceof LeaseLostError ? 'warn' : 'error';
      logger[level]({ conversation: this.options.pseudonym(key), err: error }, 'turn interrupted; the work will be retried');
    } finally {
      clearInterval(renew);
    }
  }
}
