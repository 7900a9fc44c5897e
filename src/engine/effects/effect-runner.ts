import pLimit, { type LimitFunction } from 'p-limit';
import pRetry from 'p-retry';
import { AnswerUnavailableError } from '../../domain/errors.js';
import type { EffectCall, EffectOutcome } from '../../domain/effect-call.js';
import { toErrorData } from '../../domain/error-data.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { EffectCallOptions } from '../../effects/effect-definition.js';
import type { EffectJournal } from '../../ports/effect-journal.js';
import type { ReadReceipts } from '../../ports/read-receipts.js';
import { startTyping, type TypingTiming } from '../typing-indicator.js';

/** How one effect is run: its function (absent: this configuration cannot run it), its API's limiter and timeout. */
export interface RunnableEffect {
  readonly run?: (input: never, options: EffectCallOptions) => Promise<unknown>;
  /** Calls of the effect's API in flight at once (shared by the effects of one API). */
  readonly limit: LimitFunction;
  /** Time allowed from the turn that started the call to its outcome, queue included. */
  readonly timeoutMs: number;
}

export interface EffectRunnerOptions {
  readonly effects: ReadonlyMap<string, RunnableEffect>;
  readonly journal: EffectJournal;
  /** Calls this process runs at once, all effects together (`EFFECTS_MAX_IN_FLIGHT`). */
  readonly maxInFlight: number;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** Marks the user's message read, with "typing…", while a slow call runs. */
  readonly receipts?: ReadReceipts;
  readonly typing?: TypingTiming;
  /** How long a call in hand is owned between renewals (default {@link EFFECT_LEASE_MS}). */
  readonly leaseMs?: number;
}

/**
 * How long a process owns a call it runs without renewing it: it renews every third of this while it runs, so a
 * process that dies has its calls run again elsewhere within this time.
 */
export const EFFECT_LEASE_MS = 15_000;

/** How long an outcome is retried while the store is unreachable; after that the call is run again elsewhere. */
const SETTLE_RETRY_MS = 60_000;

/**
 * Runs effect calls outside the users' lanes: plain async I/O, bounded by a per-process cap and a per-API cap, with a
 * queue beyond them. Each call has a deadline counted from the turn that started it (queue included), so a user never
 * waits past the effect's timeout; the machine sees the timeout as an error. The outcome is handed to the journal,
 * which puts it into the conversation's lane.
 *
 * @example
 * runner.start(turnResult.effects); // after the commit that recorded them
 */
export class EffectRunner {
  private readonly all: LimitFunction;
  /** Calls started or queued and not settled yet, by call id. */
  private readonly inHand = new Map<string, Promise<void>>();
  private renewal: NodeJS.Timeout | undefined;

  constructor(private readonly options: EffectRunnerOptions) {
    this.all = pLimit(options.maxInFlight);
  }

  /** Until when a call started at `startedAt` is owned by this process unless renewed (then another may run it). */
  claimUntil(startedAt: number): number {
    return startedAt + this.leaseMs;
  }

  /** How long a call is owned between renewals, and a call claimed from a dead process before its first one. */
  get leaseMs(): number {
    return this.options.leaseMs ?? EFFECT_LEASE_MS;
  }

  /** Keeps renewing the lease of every call in hand (one store command for all of them). */
  private startRenewing(): void {
    if (this.renewal) return;
    this.renewal = setInterval(() => {
      const ids = [...this.inHand.keys()];
      if (ids.length === 0) return;
      this.options.journal.renew(ids, Date.now() + this.leaseMs).catch((error: unknown) => {
        this.options.logger.warn({ err: error, calls: ids.length }, 'cannot renew the lease of the effect calls in hand');
      });
    }, this.leaseMs / 3);
    this.renewal.unref();
  }

  /** Calls started or queued and not yet settled. */
  get pending(): number {
    return this.inHand.size;
  }

  /** Runs calls recorded by a committed turn (or claimed from a dead process); returns at once. */
  start(calls: readonly EffectCall[], deadlineFrom?: number): void {
    if (calls.length > 0) this.startRenewing();
    for (const call of calls) {
      // A call claimed again while this process still has it (its renewal was late) runs once here.
      if (this.inHand.has(call.callId)) continue;
      const done = this.settle(call, deadlineFrom ?? call.startedAt).finally(() => this.inHand.delete(call.callId));
      this.inHand.set(call.callId, done);
    }
  }

  /**
   * Waits (up to `timeoutMs`) for the calls in hand, then stops renewing: those left are run again by another
   * process once their lease passes.
   */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.all(this.inHand.values()), deadline]);
    clearInterval(this.renewal);
    this.renewal = undefined;
  }

  private async settle(call: EffectCall, from: number): Promise<void> {
    const { journal, logger, metrics } = this.options;
    // In flight from the moment the call leaves the queue until its outcome is stored.
    const held = { counted: false };
    const outcome = await this.outcomeOf(call, from, held);
    try {
      // The outcome is only in memory until stored: keep trying through a Redis restart or failover.
      await pRetry(() => journal.settle(call, outcome), {
        retries: 60,
        minTimeout: 100,
        maxTimeout: 2000,
        maxRetryTime: SETTLE_RETRY_MS,
        onFailedAttempt: ({ error, attemptNumber }) => {
          if (attemptNumber === 1) logger.warn({ effect: call.effect, traceId: call.traceId, err: error }, 'effect outcome not stored yet; retrying');
        },
      });
    } catch (error) {
      // The call stays in the journal: once its lease passes, a process runs it again and stores that outcome.
      logger.error({ effect: call.effect, traceId: call.traceId, err: error }, 'effect outcome could not be stored; it will be retried');
    } finally {
      if (held.counted) metrics.effectsInFlight.dec({ effect: call.effect });
    }
  }

  private async outcomeOf(call: EffectCall, from: number, held: { counted: boolean }): Promise<EffectOutcome> {
    const { metrics } = this.options;
    const effect = this.options.effects.get(call.effect);
    if (!effect) return failure(new Error(`no effect named ${call.effect} is registered`));
    const deadline = from + effect.timeoutMs;
    const queuedAt = Date.now();
    metrics.effectsQueued.inc({ effect: call.effect });
    const { receipts, typing, logger } = this.options;
    const stopTyping =
      receipts && typing && call.cause !== undefined
        ? startTyping(receipts, logger, { phoneNumberId: call.conversation.phoneNumberId, wamid: call.cause, traceId: call.traceId }, typing)
        : () => {};
    try {
      return await effect.limit(() =>
        this.all(async () => {
          metrics.effectsQueued.dec({ effect: call.effect });
          metrics.effectQueueSeconds.observe({ effect: call.effect }, (Date.now() - queuedAt) / 1000);
          metrics.effectsInFlight.inc({ effect: call.effect });
          held.counted = true;
          return this.invoke(call, effect, deadline);
        }),
      );
    } finally {
      stopTyping();
    }
  }

  private async invoke(call: EffectCall, effect: RunnableEffect, deadline: number): Promise<EffectOutcome> {
    const { metrics } = this.options;
    const left = deadline - Date.now();
    if (left <= 0) return failure(new AnswerUnavailableError('timeout', `${call.effect} waited past its deadline in the queue`));
    if (!effect.run) return failure(new Error(`${call.effect} is not available with this configuration`));
    const stop = metrics.effectSeconds.startTimer({ effect: call.effect });
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The deadline holds even for a function that ignores its signal.
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new AnswerUnavailableError('timeout', `${call.effect} did not answer in time`));
      }, left);
    });
    try {
      const output = await Promise.race([effect.run(call.input as never, { signal: controller.signal, conversation: call.conversation }), expired]);
      stop({ outcome: 'ok' });
      return { ok: true, output };
    } catch (error) {
      stop({ outcome: controller.signal.aborted ? 'timeout' : 'error' });
      return failure(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

const failure = (error: unknown): EffectOutcome => ({ ok: false, error: toErrorData(error) });
