import type { InboundMessage } from '../../domain/inbound.js';
import type { OutboxItem, SettleOutcome, StoredConversation, Turn } from '../../ports/conversation-pipeline.js';
import { earliestDue } from '../../engine/runtime-messages.js';
import type { ConversationRecord } from './memory-pipeline.js';

/** A held conversation of the memory pipeline; single process, so holding is a flag. */
export class MemoryTurn implements Turn {
  constructor(
    readonly key: string,
    private readonly record: ConversationRecord,
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly hooks: {
      deadLetter: (item: OutboxItem, reason: string) => void;
      released: () => void;
      schedule: (dueAt: number | undefined) => void;
      sent: (wamid: string) => void;
    },
  ) {}

  async nextInbound(): Promise<InboundMessage | undefined> {
    return this.record.inbox[0];
  }

  async load(): Promise<StoredConversation | undefined> {
    const stored = this.record.stored;
    return stored && stored.expiresAt > this.now() ? stored.conversation : undefined;
  }

  async pendingOutbox(): Promise<OutboxItem[]> {
    return [...this.record.outbox];
  }

  async commit(change: { wamid: string; conversation?: StoredConversation; outbox: readonly OutboxItem[] }): Promise<void> {
    if (this.record.inbox[0]?.wamid === change.wamid) this.record.inbox.shift();
    const expiresAt = this.now() + this.ttlMs;
    if (change.conversation) this.record.stored = { conversation: change.conversation, expiresAt };
    else if (this.record.stored) this.record.stored.expiresAt = expiresAt;
    this.record.outbox.push(...change.outbox);
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

  async release(): Promise<boolean> {
    if (this.record.inbox.length > 0 || this.record.outbox.length > 0) return false;
    this.record.held = false;
    this.hooks.released();
    return true;
  }
}
