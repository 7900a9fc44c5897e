import type { EffectCall, EffectOutcome } from '../domain/effect-call.js';

/**
 * Where effect calls are recorded between the turn that started them and the turn that applies their outcome.
 * The recording itself is part of the turn's commit (`ConversationLease.commit`); this is the runners' side.
 *
 * @example
 * for (const call of await journal.claimOverdue(Date.now(), 100, 40_000)) runner.run(call); // a dead process's calls
 * await journal.settle(call, { ok: true, output: 'Pour déclarer un salarié, …' });
 */
export interface EffectJournal {
  /** Calls whose process has not renewed them in time (it died): claimed for this process until `now + leaseMs`. */
  claimOverdue(now: number, max: number, leaseMs: number): Promise<EffectCall[]>;
  /** Keeps the calls this process runs claimed until `until` (their lease; a dead process stops renewing). */
  renew(callIds: readonly string[], until: number): Promise<void>;
  /**
   * Puts the outcome into the call's conversation lane and forgets the call. Settling a call twice (it ran again
   * after a crash) stores the outcome once.
   */
  settle(call: EffectCall, outcome: EffectOutcome): Promise<void>;
}
