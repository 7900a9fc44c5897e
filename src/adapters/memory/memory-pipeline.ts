import type { InboundMessage } from '../../domain/inbound.js';
import { conversationKey } from '../../engine/conversation-key.js';
import { countStates } from '../../engine/count-states.js';
import type {
  AcceptResult,
  ConversationCensus,
  StateCount,
  Inbox,
  OutboxItem,
  StoredConversation,
  Turn,
  WorkSource,
  WorkTicket,
} from '../../ports/conversation-pipeline.js';
import { ExpiringSet } from './expiring-set.js';

interface ConversationRecord {
  inbox: InboundMessage[];
  outbox: OutboxItem[];
  stored?: { conversation: StoredConversation; expiresAt: number };
  held: boolean;
}

export interface MemoryPipelineOptions {
  sessionTtlSeconds: number;
  dedupWindowSeconds: number;
  /** A handed-out ticket not completed after this long is handed out again. */
  reclaimAfterMs?: number;
  now?: () => number;
}

/**
 * The embedded pipeline for one process with no Redis: same contract as the Redis one, nothing survives
 * a restart. Used by `npm start` without configuration, by `npm run chat` and by fast tests.
 */
export class MemoryPipeline implements Inbox, WorkSource, ConversationCensus {
  private readonly conversations = new Map<string, ConversationRecord>();
  private readonly seen: ExpiringSet;
  private readonly queue: WorkTicket[] = [];
  private readonly handedOut = new Map<string, { ticket: WorkTicket; at: number }>();
  private readonly waiters = new Set<() => void>();
  private readonly now: () => number;
  private ticketCount = 0;
  readonly deadLetters: Array<{ item: OutboxItem; reason: string }> = [];

  constructor(private readonly options: MemoryPipelineOptions) {
    this.now = options.now ?? Date.now;
    this.seen = new ExpiringSet(options.dedupWindowSeconds * 1000, this.now);
  }

  async accept(messages: readonly InboundMessage[]): Promise<AcceptResult> {
    let accepted = 0;
    const touched = new Set<string>();
    for (const message of messages) {
      const key = conversationKey(message);
      touched.add(key);
      if (!this.seen.add(message.wamid)) continue;
      this.record(key).inbox.push(message);
      accepted += 1;
    }
    for (const key of touched) this.queue.push({ id: String(++this.ticketCount), key });
    for (const wake of this.waiters) wake();
    return { accepted, duplicates: messages.length - accepted };
  }

  async ping(): Promise<void> {}

  async next(max: number, waitMs: number): Promise<WorkTicket[]> {
    if (this.queue.length === 0 && waitMs > 0) await this.waitForWork(waitMs);
    const tickets = this.queue.splice(0, max);
    for (const ticket of tickets) this.handedOut.set(ticket.id, { ticket, at: this.now() });
    return tickets;
  }

  async reclaim(max: number): Promise<WorkTicket[]> {
    const due = this.now() - (this.options.reclaimAfterMs ?? 5000);
    const tickets: WorkTicket[] = [];
    for (const entry of this.handedOut.values()) {
      if (tickets.length >= max) break;
      if (entry.at > due) continue;
      entry.at = this.now();
      tickets.push(entry.ticket);
    }
    return tickets;
  }

  async complete(tickets: readonly WorkTicket[]): Promise<void> {
    for (const ticket of tickets) this.handedOut.delete(ticket.id);
  }

  async acquire(key: string): Promise<Turn | undefined> {
    const record = this.record(key);
    if (record.held) return undefined;
    record.held = true;
    return new MemoryTurn(key, record, this.options.sessionTtlSeconds * 1000, this.now, (item, reason) => {
      this.deadLetters.push({ item, reason });
    }, () => this.forgetIfEmpty(key, record));
  }

  async countByState(): Promise<StateCount[]> {
    return countStates(this.storedConversations());
  }

  /** Conversations currently stored (live sessions), for tests and the flow page. */
  storedConversations(): StoredConversation[] {
    const now = this.now();
    return [...this.conversations.values()].flatMap((r) => (r.stored && r.stored.expiresAt > now ? [r.stored.conversation] : []));
  }

  private record(key: string): ConversationRecord {
    let record = this.conversations.get(key);
    if (!record) {
      record = { inbox: [], outbox: [], held: false };
      this.conversations.set(key, record);
    }
    return record;
  }

  private forgetIfEmpty(key: string, record: ConversationRecord): void {
    const expired = !record.stored || record.stored.expiresAt <= this.now();
    if (!record.held && expired && record.inbox.length === 0 && record.outbox.length === 0) this.conversations.delete(key);
  }

  private waitForWork(waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, waitMs);
      this.waiters.add(wake);
    });
  }
}

class MemoryTurn implements Turn {
  constructor(
    readonly key: string,
    private readonly record: ConversationRecord,
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly deadLetter: (item: OutboxItem, reason: string) => void,
    private readonly onRelease: () => void,
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
  }

  async settleOutbox(itemId: string, deadLetterReason?: string): Promise<void> {
    const head = this.record.outbox[0];
    if (head?.id !== itemId) return;
    this.record.outbox.shift();
    if (deadLetterReason !== undefined) this.deadLetter(head, deadLetterReason);
  }

  async extend(): Promise<boolean> {
    return this.record.held;
  }

  async release(): Promise<boolean> {
    if (this.record.inbox.length > 0 || this.record.outbox.length > 0) return false;
    this.record.held = false;
    this.onRelease();
    return true;
  }
}
