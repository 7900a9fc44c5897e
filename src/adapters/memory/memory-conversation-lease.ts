import type { LaneInput } from '../../domain/lane-input.js';
import {
  type CommitChange,
  type ConversationLease,
  earliestDue,
  type OutboxItem,
  type PendingEffect,
  type SettleOutcome,
  type StoredConversation,
  type UserMemory,
  type WorkTicket,
} from '../../ports/conversation-pipeline.js';
import type { ConversationRecord } from './memory-pipeline.js';

/** What the lease tells its pipeline: dead letters, the end of the lease, timers, sent wamids, effect calls, memory. */
export interface MemoryLeaseHooks {
  deadLetter(item: OutboxItem, reason: string): void;
  released(done: readonly WorkTicket[]): void;
  schedule(dueAt: number | undefined): void;
  sent(wamid: string): void;
  effects(pending: readonly PendingEffect[]): void;
  remember(memory: UserMemory): void;
  memory(): UserMemory | undefined;
}

/** A held conversation of the memory pipeline; single process, so holding is a flag. */
export class MemoryConversationLease implements ConversationLease {
  constructor(
    readonly key: string,
    private readonly record: ConversationRecord,
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly hooks: MemoryLeaseHooks,
  ) {}

  async nextInput(): Promise<LaneInput | undefined> {
    return this.record.inbox[0];
  }

  async load(): Promise<StoredConversation | undefined> {
    const stored = this.record.stored;
    return stored && stored.expiresAt > this.now() ? stored.conversation : undefined;
  }

  async memory(): Promise<UserMemory | undefined> {
    return this.hooks.memory();
  }

  async pendingOutbox(): Promise<OutboxItem[]> {
    return [...this.record.outbox];
  }

  async commit(change: CommitChange): Promise<void> {
    if (this.record.inbox[0]?.wamid === change.inputId) this.record.inbox.shift();
    const expiresAt = this.now() + (change.sessionTtlSeconds === undefined ? this.ttlMs : change.sessionTtlSeconds * 1000);
    if (change.conversation) this.record.stored = { conversation: change.conversation, expiresAt };
    else if (this.record.stored) this.record.stored.expiresAt = expiresAt;
    this.record.outbox.push(...change.outbox);
    if (change.memory) this.hooks.remember(change.memory);
    if (change.effects?.length) this.hooks.effects(change.effects);
    if (change.conversation) this.hooks.schedule(earliestDue(change.conversation));
  }

  async settleOutbox(itemId: string, outcome: SettleOutcome = {}): Promise<void> {
    const head = this.record.outbox[0];
    if (head?.id !== itemId) return;
    this.record.outbox.shift();
    if (outcome.deadLetterReason !== undefined) this.hooks.deadLetter(head, outcome.deadLetterReason);
    if (outcome.sentWamid !== undefined) this.hooks.sent(outcome.sentWamid);
  }

  async extend(): Promise<boolean> {
    return this.record.held;
  }

  async release(done: readonly WorkTicket[] = []): Promise<boolean> {
    if (this.record.inbox.length > 0 || this.record.outbox.length > 0) return false;
    this.record.held = false;
    this.hooks.released(done);
    return true;
  }
}
