import type { EffectCall, EffectOutcome } from '../../domain/effect-call.js';
import { effectSettled } from '../../domain/lane-input.js';
import type { Inbox, PendingEffect } from '../../ports/conversation-pipeline.js';
import type { EffectJournal } from '../../ports/effect-journal.js';

/** Effect calls of the memory pipeline: one process, so a call is forgotten only when settled or at restart. */
export class MemoryEffectJournal implements EffectJournal {
  private readonly calls = new Map<string, { call: EffectCall; claimedUntil: number }>();

  constructor(private readonly inbox: Inbox) {}

  /** Called by a commit: the calls its turn started. */
  record(pending: readonly PendingEffect[]): void {
    for (const { call, claimedUntil } of pending) this.calls.set(call.callId, { call, claimedUntil });
  }

  /** Calls not settled yet. */
  get size(): number {
    return this.calls.size;
  }

  async claimOverdue(now: number, max: number, leaseMs: number): Promise<EffectCall[]> {
    const claimed: EffectCall[] = [];
    for (const entry of this.calls.values()) {
      if (claimed.length >= max) break;
      if (entry.claimedUntil > now) continue;
      entry.claimedUntil = now + leaseMs;
      claimed.push(entry.call);
    }
    return claimed;
  }

  async renew(callIds: readonly string[], until: number): Promise<void> {
    for (const id of callIds) {
      const entry = this.calls.get(id);
      if (entry) entry.claimedUntil = until;
    }
  }

  async settle(call: EffectCall, outcome: EffectOutcome): Promise<void> {
    // Forgotten first: whoever sees the outcome in the lane sees no call pending any more.
    this.calls.delete(call.callId);
    await this.inbox.accept([effectSettled(call.conversation, call, outcome)]);
  }
}
