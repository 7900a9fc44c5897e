import { deliveryFailed } from '../domain/lane-input.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { type ConversationLease, type Inbox, LeaseLostError, type WorkSource, type WorkTicket } from '../ports/conversation-pipeline.js';
import type { EffectJournal } from '../ports/effect-journal.js';
import type { EffectRunner } from './effects/effect-runner.js';
import type { IngestGauge } from './ingest-gauge.js';
import { handleInput } from './lane/handle-input.js';
import type { LaneDeps } from './lane/lane-deps.js';
import { sendOutbox, type SendOutboxDeps, WINDOW_CLOSED } from './send-outbox.js';

export interface WorkerOptions extends Omit<LaneDeps, 'claimEffectUntil'>, SendOutboxDeps {
  readonly source: WorkSource;
  /** Where the worker puts inputs of its own (a send refused for the 24-hour window). */
  readonly inbox: Inbox;
  /** Runs the effect calls turns start, outside the lanes. */
  readonly runner: EffectRunner;
  /** Effect calls whose process died are claimed from here and run again. */
  readonly journal: EffectJournal;
  /** Conversations worked on at once by this process. */
  readonly concurrency: number;
  /** Webhook deliveries waiting for their 200: while they pile up, few new conversations are started. */
  readonly ingest?: IngestGauge;
  /** How often a held lease is renewed. */
  readonly leaseRenewMs?: number;
  /** How often tickets abandoned by crashed or busy workers are looked for. */
  readonly reclaimEveryMs?: number;
  /** How often machine timers that fell due, and effect calls whose process died, are looked for. */
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
 * Takes work tickets and runs one lane per conversation: within a lane inputs are handled strictly in order, one at a
 * time; lanes of different users run side by side up to `concurrency`. A lane never waits for an effect (a CSS call):
 * the turn records the call and moves on, the runner runs it, and its outcome comes back as the lane's next input.
 */
export class ConversationWorker {
  private readonly lanes = new Map<string, Lane>();
  /** Tickets taken from the source but not yet in a lane (ingestion was busy); a stop leaves them to be reclaimed. */
  private readonly waiting: WorkTicket[] = [];
  private readonly finished = new Set<Promise<void>>();
  private readonly deps: LaneDeps;
  private running = false;
  private loop: Promise<void> | undefined;
  private reclaimTimer: NodeJS.Timeout | undefined;
  private timerPoll: NodeJS.Timeout | undefined;
  private laneFreed: (() => void) | undefined;

  constructor(private readonly options: WorkerOptions) {
    this.deps = { ...options, claimEffectUntil: (_effect, startedAt) => options.runner.claimUntil(startedAt) };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.pullLoop();
    this.reclaimTimer = setInterval(() => void this.reclaim(), this.options.reclaimEveryMs ?? 2000);
    this.timerPoll = setInterval(() => void this.pollDue(), this.options.timerPollMs ?? 1000);
  }

  /** Stops taking work and waits (up to `timeoutMs`) for the lanes and effect calls in hand to finish. */
  async stop(timeoutMs = 8000): Promise<void> {
    this.running = false;
    clearInterval(this.reclaimTimer);
    clearInterval(this.timerPoll);
    this.laneFreed?.();
    await this.loop;
    const started = Date.now();
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.all(this.finished), deadline]);
    // Calls still running are run again by another process once their lease passes; their outcome is applied once.
    await this.options.runner.drain(Math.max(0, timeoutMs - (Date.now() - started)));
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

  /** Due machine timers enter their lanes; effect calls whose process died are run here. */
  private async pollDue(): Promise<void> {
    const { source, journal, runner, metrics, logger } = this.options;
    try {
      await source.fireDueTimers(Date.now(), 100);
    } catch (error) {
      logger.warn({ err: error }, 'cannot deliver due machine timers');
    }
    try {
      const now = Date.now();
      const calls = await journal.claimOverdue(now, 100, runner.leaseMs);
      for (const call of calls) metrics.effectsRecovered.inc({ effect: call.effect });
      // A fresh deadline: the first run's time was lost with its process.
      runner.start(calls, now);
    } catch (error) {
      logger.warn({ err: error }, 'cannot look for effect calls left by a stopped process');
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
        // This process already works on that conversation: the running lane will see the new input.
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
    let lease: ConversationLease | undefined;
    try {
      lease = await source.lease(key);
      // Busy on another process: that holder will handle the input; our ticket comes back via reclaim.
      if (!lease) return;
    } catch (error) {
      logger.error({ conversation: this.options.pseudonym(key), err: error }, 'cannot take the conversation');
      return;
    }
    const held = lease;
    const renew = setInterval(() => {
      held.extend().catch((error: unknown) => logger.warn({ conversation: this.options.pseudonym(key), err: error }, 'lease renewal failed'));
    }, this.options.leaseRenewMs ?? 3000);
    let done: readonly WorkTicket[];
    // The write that leaves the conversation idle gives it back too, where the store can (one round trip less).
    held.releaseWhenIdle?.(() => lane.tickets.slice());
    try {
      do {
        await this.flush(held);
        for (let input = await held.nextInput(); input; input = await held.nextInput()) {
          this.options.runner.start(await handleInput(this.deps, held, input));
          await this.flush(held);
        }
        // The tickets the lane has seen are completed with the release, in the same step.
        done = held.released ?? lane.tickets.slice();
      } while (!(held.released !== undefined || (await held.release(done))));
      lane.completed = done.length;
    } catch (error) {
      // Tickets stay incomplete and the lease expires: another worker (or this one) picks the work up again.
      const level = error instanceof LeaseLostError ? 'warn' : 'error';
      logger[level]({ conversation: this.options.pseudonym(key), err: error }, 'turn interrupted; the work will be retried');
    } finally {
      clearInterval(renew);
    }
  }

  /**
   * Sends what the conversation's turns committed. A send that Meta refuses for the 24-hour window enters the lane
   * as a delivery failure, the same way a failed status webhook does: the next turn handles it.
   */
  private async flush(lease: ConversationLease): Promise<void> {
    const { windowClosed } = await sendOutbox(this.options, lease);
    const contact = windowClosed && (await lease.load())?.contact;
    if (windowClosed && contact) await this.options.inbox.accept([deliveryFailed(contact, windowClosed.id, WINDOW_CLOSED)]);
  }
}
