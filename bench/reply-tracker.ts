/**
 * Matches the replies the Graph stand-in receives to the webhooks that caused them, to time each message
 * end to end (webhook POST started → its last expected reply arrived) and to check that every message got
 * exactly the replies it should, in order. A phase sends one message per user to a business number of its
 * own, so `(phone_number_id, to)` names one message and the nth reply to it is its nth expected reply.
 */

import { performance } from 'node:perf_hooks';
import { textsOf, type GraphRequest } from '../test/support/graph-stand-in.js';

/** What the nth reply to a message must look like (its text as the user would see it). */
export type ReplyCheck = (text: string) => boolean;

interface Pending {
  readonly sentAt: number;
  readonly checks: readonly ReplyCheck[];
  got: number;
}

export interface TrackerTotals {
  /** Messages whose every expected reply arrived. */
  readonly answered: number;
  readonly expected: number;
  /** Replies nobody waited for, or beyond the count expected. */
  readonly unexpected: number;
  /** Replies whose text failed the check for their position. */
  readonly wrong: number;
  /** `performance.now()` of the last reply that completed a message. */
  readonly lastAnsweredAt: number;
}

/**
 * @example
 * const tracker = new ReplyTracker();
 * const graph = await startGraphStandIn({ respond: (request) => tracker.onReply(request) });
 * tracker.expect('1065', '221700000001', [(t) => t.includes('Bienvenue')], performance.now());
 */
export class ReplyTracker {
  private readonly pending = new Map<string, Pending>();
  private latencies: number[] = [];
  private expected = 0;
  private unexpected = 0;
  private wrong = 0;
  private lastAnsweredAt = 0;
  private wake: (() => void) | undefined;
  readonly wrongSamples: string[] = [];

  /** Registers a message: `checks[i]` must hold for its i-th reply; it is answered after `checks.length` replies. */
  expect(phoneNumberId: string, to: string, checks: readonly ReplyCheck[], sentAt: number): void {
    const key = `${phoneNumberId}|${to}`;
    if (this.pending.has(key)) throw new Error(`bench bug: two messages in flight for ${key}`);
    this.pending.set(key, { sentAt, checks, got: 0 });
    this.expected += 1;
  }

  /** The Graph stand-in's `respond` hook: records the reply and lets the stand-in answer its usual 200. */
  onReply(request: GraphRequest): undefined {
    const now = performance.now();
    const to = request.body.to ?? request.body.recipient ?? '';
    const entry = this.pending.get(`${request.phoneNumberId}|${to}`);
    if (!entry || entry.got >= entry.checks.length) {
      this.unexpected += 1;
      return undefined;
    }
    const text = textsOf([request])[0] ?? '';
    if (!entry.checks[entry.got]?.(text)) {
      this.wrong += 1;
      if (this.wrongSamples.length < 3) this.wrongSamples.push(`${to} reply ${entry.got + 1}: ${JSON.stringify(text.slice(0, 80))}`);
    }
    entry.got += 1;
    if (entry.got === entry.checks.length) {
      this.latencies.push(now - entry.sentAt);
      this.lastAnsweredAt = now;
      if (this.latencies.length === this.expected) this.wake?.();
    }
    return undefined;
  }

  totals(): TrackerTotals {
    return {
      answered: this.latencies.length, expected: this.expected, unexpected: this.unexpected, wrong: this.wrong,
      lastAnsweredAt: this.lastAnsweredAt,
    };
  }

  /** End-to-end latencies (ms) of the answered messages, in order of completion. */
  answeredLatencies(): readonly number[] {
    return this.latencies;
  }

  /**
   * Resolves once every registered message is answered; rejects when no message has been answered for
   * `stallMs` (a stuck server, not a slow one: a busy machine only makes the wait longer), saying how many are
   * missing.
   */
  async waitForAll(stallMs: number): Promise<void> {
    if (this.latencies.length === this.expected) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        this.wake = resolve;
        let seen = -1;
        const check = (): void => {
          if (this.latencies.length === seen) {
            const short = [...this.pending].filter(([, entry]) => entry.got < entry.checks.length).slice(0, 3);
            const which = short.map(([key, entry]) => `${key} got ${entry.got}/${entry.checks.length}`).join(', ');
            reject(new Error(`only ${seen} of ${this.expected} messages answered; none for ${stallMs} ms (${which})`));
            return;
          }
          seen = this.latencies.length;
          timer = setTimeout(check, stallMs);
        };
        check();
      });
    } finally {
      clearTimeout(timer);
      this.wake = undefined;
    }
  }

  /** Forgets the phase, ready for the next one. */
  reset(): void {
    this.pending.clear();
    this.latencies = [];
    this.expected = 0;
    this.unexpected = 0;
    this.wrong = 0;
    this.lastAnsweredAt = 0;
    this.wrongSamples.length = 0;
  }
}
