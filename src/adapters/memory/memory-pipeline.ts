import { conversationKey } from '../../domain/conversation-key.js';
import { deliveryFailed, type LaneInput, timerDue } from '../../domain/lane-input.js';
import type {
  AcceptResult,
  ConversationCensus,
  ConversationLease,
  StateCount,
  Inbox,
  OutboxItem,
  StoredConversation,
  UserMemory,
  WorkSource,
  WorkTicket,
} from '../../ports/conversation-pipeline.js';
import { countStates } from '../count-states.js';
import { ExpiringSet } from './expiring-set.js';
import { MemoryConversationLease } from './memory-conversation-lease.js';
import { MemoryEffectJournal } from './memory-effect-journal.js';

export interface ConversationRecord {
  inbox: LaneInput[];
  outbox: OutboxItem[];
  stored?: { conversation: StoredConversation; expiresAt: number };
  held: boolean;
}

/** Dead letters kept in memory, as on Redis. */
const DEAD_LETTER_CAP = 10_000;

export interface MemoryPipelineOptions {
  sessionTtlSeconds: number;
  dedupWindowSeconds: number;
  /** A handed-out ticket not completed after this long is handed out again. */
  reclaimAfterMs?: number;
  /** How long what a machine remembers of a user outlives their last message (0: nothing is kept). */
  memoryTtlSeconds?: number;
  now?: () => number;
}

/**
 * The embedded pipeline for one process with no Redis: same contract as the Redis one, nothing survives
 * a restart. Used by `npm start` without configuration, by `npm run chat` and by fast tests.
 */
export class MemoryPipeline implements Inbox, WorkSource, ConversationCensus {
  private readonly conversations = new Map<string, ConversationRecord>();
  private readonly seen: ExpiringSet;
  private readonly queue: Array<WorkTicket & { readonly at: number }> = [];
  private readonly handedOut = new Map<string, { ticket: WorkTicket; at: number }>();
  private readonly waiters = new Set<() => void>();
  /** Conversation key → when its earliest timer falls due. */
  private readonly timers = new Map<string, number>();
  /** Sent wamid → conversation key, for Meta's later statuses (kept as long as the dedup window). */
  private readonly sent: Map<string, string> = new Map();
  private readonly sentOrder: ExpiringSet;
  private readonly now: () => number;
  private ticketCount = 0;
  private lastSweep = 0;
  readonly deadLetters: Array<{ item: OutboxItem; reason: string }> = [];
  /** Effect calls between the turn that started them and the turn that applies their outcome. */
  readonly effects = new MemoryEffectJournal(this);
  /** What outlives each user's sessions, with its expiry. */
  private readonly memories = new Map<string, { memory: UserMemory; expiresAt: number }>();

  constructor(private readonly options: MemoryPipelineOptions) {
    this.now = options.now ?? Date.now;
    this.seen = new ExpiringSet(options.dedupWindowSeconds * 1000, this.now);
    this.sentOrder = new ExpiringSet(options.dedupWindowSeconds * 1000, this.now, (wamid) => this.sent.delete(wamid));
  }

  async accept(messages: readonly LaneInput[]): Promise<AcceptResult> {
    let accepted = 0;
    const touched = new Set<string>();
    for (const message of messages) {
      const key = conversationKey(message);
      touched.add(key);
      if (!this.seen.add(message.wamid)) continue;
      this.record(key).inbox.push(message);
      accepted += 1;
    }
    for (const key of touched) this.queue.push({ id: String(++this.ticketCount), key, at: this.now() });
    for (const wake of this.waiters) wake();
    return { accepted, duplicates: messages.length - accepted };
  }

  async ping(): Promise<void> {}

  async reportDeliveryFailure(wamid: string, code: number): Promise<boolean> {
    const key = this.sent.get(wamid);
    const stored = key === undefined ? undefined : this.conversations.get(key)?.stored;
    const contact = stored?.conversation.contact;
    const message = contact && deliveryFailed(contact, wamid, code);
    if (!message) return false;
    await this.accept([message]);
    return true;
  }

  async next(max: number, waitMs: number): Promise<WorkTicket[]> {
    this.sweepExpired();
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

  async queueStats(): Promise<{ depth: number; oldestAgeMs: number }> {
    const waiting = [...this.queue, ...[...this.handedOut.values()].map((entry) => entry.ticket)];
    const oldest = Math.min(this.now(), ...waiting.map((ticket) => ('at' in ticket ? Number(ticket.at) : this.now())));
    return { depth: waiting.length, oldestAgeMs: this.now() - oldest };
  }

  async complete(tickets: readonly WorkTicket[]): Promise<void> {
    for (const ticket of tickets) this.handedOut.delete(ticket.id);
  }

  async lease(key: string): Promise<ConversationLease | undefined> {
    const record = this.record(key);
    if (record.held) return undefined;
    record.held = true;
    return new MemoryConversationLease(key, record, this.options.sessionTtlSeconds * 1000, this.now, {
      deadLetter: (item, reason) => {
        // Capped like the Redis list: the newest are kept.
        if (this.deadLetters.push({ item, reason }) > DEAD_LETTER_CAP) this.deadLetters.shift();
      },
      released: (done) => {
        for (const ticket of done) this.handedOut.delete(ticket.id);
        this.forgetIfEmpty(key, record);
      },
      schedule: (dueAt) => (dueAt === undefined ? this.timers.delete(key) : this.timers.set(key, dueAt)),
      sent: (wamid) => {
        this.sentOrder.add(wamid);
        this.sent.set(wamid, key);
      },
      effects: (pending) => this.effects.record(pending),
      remember: (memory) => this.memories.set(key, { memory, expiresAt: this.now() + (this.options.memoryTtlSeconds ?? 0) * 1000 }),
      memory: () => {
        const kept = this.memories.get(key);
        return kept && kept.expiresAt > this.now() ? kept.memory : undefined;
      },
    });
  }

  async fireDueTimers(now: number, max: number): Promise<number> {
    const messages: LaneInput[] = [];
    for (const [key, dueAt] of this.timers) {
      if (messages.length >= max) break;
      if (dueAt > now) continue;
      this.timers.delete(key);
      const stored = this.conversations.get(key)?.stored;
      const contact = stored && stored.expiresAt > now ? stored.conversation.contact : undefined;
      const message = contact && timerDue(contact, dueAt);
      if (message) messages.push(message);
    }
    if (messages.length > 0) await this.accept(messages);
    return messages.length;
  }

  async countByState(): Promise<StateCount[]> {
    return countStates(this.storedConversations());
  }

  /** Conversations held in memory, expired ones not yet swept included. */
  get conversationCount(): number {
    return this.conversations.size;
  }

  /** Conversations currently stored (live sessions), for tests and the flow page. */
  storedConversations(): StoredConversation[] {
    const now = this.now();
    return [...this.conversations.values()].flatMap((r) => (r.stored && r.stored.expiresAt > now ? [r.stored.conversation] : []));
  }

  /**
   * For `MemoryConversationMover`: moves the live stored conversation of `from`, its timer and its user memory to `to`
   * unless `to` has them already; `from` keeps nothing either way. `busy` (nothing done) while a lane holds `from`.
   */
  relocate(from: string, to: string, rewrite: (stored: StoredConversation) => StoredConversation): 'moved' | 'kept-newer' | 'absent' | 'busy' {
    const now = this.now();
    const source = this.conversations.get(from);
    if (source?.held) return 'busy';
    const stored = source?.stored && source.stored.expiresAt > now ? source.stored : undefined;
    const memory = this.memories.get(from);
    if (!stored && !(memory && memory.expiresAt > now)) return 'absent';
    const target = this.record(to);
    const keep = target.stored !== undefined && target.stored.expiresAt > now;
    if (stored && !keep) {
      target.stored = { conversation: rewrite(stored.conversation), expiresAt: stored.expiresAt };
      const dueAt = this.timers.get(from);
      if (dueAt !== undefined) this.timers.set(to, dueAt);
    }
    if (memory && memory.expiresAt > now && !this.memories.has(to)) this.memories.set(to, memory);
    this.memories.delete(from);
    this.timers.delete(from);
    if (source) {
      delete source.stored;
      this.forgetIfEmpty(from, source);
    }
    this.forgetIfEmpty(to, target);
    return keep ? 'kept-newer' : 'moved';
  }

  private record(key: string): ConversationRecord {
    let record = this.conversations.get(key);
    if (!record) {
      record = { inbox: [], outbox: [], held: false };
      this.conversations.set(key, record);
    }
    return record;
  }

  /** Forgets expired sessions nobody wrote to again (at most once a minute), so memory follows live users. */
  private sweepExpired(): void {
    if (this.now() - this.lastSweep < 60_000) return;
    this.lastSweep = this.now();
    for (const [key, record] of this.conversations) this.forgetIfEmpty(key, record);
    for (const [key, { expiresAt }] of this.memories) if (expiresAt <= this.now()) this.memories.delete(key);
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
