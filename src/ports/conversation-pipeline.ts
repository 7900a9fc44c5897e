import type { InboundMessage, UserRef } from '../domain/inbound.js';
import type { OutboundMessage, Recipient } from '../domain/outbound.js';

/**
 * The durable path of a message: accepted by the webhook into a per-conversation inbox, taken by one
 * worker at a time (a turn), turned into a new snapshot plus outbox in one atomic commit, then sent.
 * Implemented in memory (one process) and in Redis (many processes, crashes, Redis Cluster).
 */

/** A persisted conversation, versioned so a changed machine starts fresh instead of crashing. */
export interface StoredConversation {
  readonly machineId: string;
  readonly version: number;
  readonly snapshot: unknown;
  /** The machine's `after` delays still pending (XState does not persist them; the runtime does). */
  readonly timers?: readonly PendingTimer[];
  /** Meta refused to deliver to this user (24-hour window): nothing is sent until the user writes again. */
  readonly windowClosed?: boolean;
  /** Who the conversation is with, so a timer that falls due can be delivered like a message. */
  readonly contact?: { readonly user: UserRef; readonly phoneNumberId: string };
}

/** A delayed machine event and when it falls due (ms since epoch). */
export interface PendingTimer {
  /** The XState event to send, e.g. `xstate.after.menuNudge.css-assistant.menu`. */
  readonly event: string;
  /** The state node that armed it; the timer is dropped once that state is left. */
  readonly stateId: string;
  readonly dueAt: number;
}

/** One message waiting to be sent; `id` is stable (`<wamid>:<n>`) so a retry is recognisable. */
export interface OutboxItem {
  readonly id: string;
  readonly recipient: Recipient;
  readonly message: OutboundMessage;
  /** The machine state that produced it, for error reports. */
  readonly state: string;
  /** The webhook delivery whose message produced it (logs). */
  readonly traceId?: string;
}

/** How an outbox item ended: the wamid Meta gave it, or why it went to the dead letters. */
export interface SettleOutcome {
  readonly sentWamid?: string;
  readonly deadLetterReason?: string;
}

/** Counts of one `accept` call. */
export interface AcceptResult {
  readonly accepted: number;
  readonly duplicates: number;
}

/**
 * The webhook's side. `accept` resolves only once the messages are stored durably, so the webhook may
 * answer 200; each wamid is stored once within the dedup window however often it is delivered.
 *
 * @example
 * await inbox.accept(parsed.messages); // then 200
 */
export interface Inbox {
  accept(messages: readonly InboundMessage[]): Promise<AcceptResult>;
  /**
   * Meta reported one of our sent messages as failed with `code`: finds its conversation by the sent wamid and
   * delivers the failure through that conversation's lane. Unknown wamids (expired, or not ours) are ignored.
   */
  reportDeliveryFailure(wamid: string, code: number): Promise<boolean>;
  /** Rejects when the store is unreachable (readiness). */
  ping(): Promise<void>;
}

/** A notice that a conversation may have work. Completed once a turn has emptied that conversation. */
export interface WorkTicket {
  readonly id: string;
  readonly key: string;
}

/**
 * The workers' side. Tickets that are never completed (a worker crashed, or the conversation was busy
 * elsewhere) come back through `reclaim`, so no accepted message is stranded.
 */
export interface WorkSource {
  /** Waits up to `waitMs` for at most `max` tickets. */
  next(max: number, waitMs: number): Promise<WorkTicket[]>;
  /** Tickets handed out long ago and never completed. */
  reclaim(max: number): Promise<WorkTicket[]>;
  complete(tickets: readonly WorkTicket[]): Promise<void>;
  /** Takes the exclusive turn on one conversation, or `undefined` when another worker holds it. */
  acquire(key: string): Promise<Turn | undefined>;
  /**
   * Puts a timer message into the inbox of every conversation whose earliest timer is due by `now`, so it is
   * handled in that conversation's lane like a message. Safe to call from every process at once.
   */
  fireDueTimers(now: number, max: number): Promise<number>;
  /** Work tickets not yet completed, and how long the oldest has waited (for the queue metrics). */
  queueStats(): Promise<{ readonly depth: number; readonly oldestAgeMs: number }>;
}

/** Thrown by `Turn` operations once the lease has passed to another worker (fencing). */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  // The key holds a phone number: it stays out of the message, which is logged.
  constructor() {
    super('the turn on this conversation was lost to another worker (lease expired)');
  }
}

/**
 * Exclusive access to one conversation. Every write checks the lease, so a worker that paused past its
 * lease cannot overwrite what the next holder wrote.
 */
export interface Turn {
  readonly key: string;
  /** The oldest message not yet committed. */
  nextInbound(): Promise<InboundMessage | undefined>;
  load(): Promise<StoredConversation | undefined>;
  /** Messages committed but not yet sent, oldest first. */
  pendingOutbox(): Promise<OutboxItem[]>;
  /**
   * Atomically: removes inbound `wamid`, stores `conversation` (unless undefined: state unchanged) with the
   * session expiry, and appends `outbox`. Then schedules the conversation's earliest timer, if any.
   */
  commit(change: { wamid: string; conversation?: StoredConversation; outbox: readonly OutboxItem[] }): Promise<void>;
  /**
   * Removes the oldest outbox item once it is settled: sent (Meta's `wamid` for it is remembered with the
   * conversation, so that a later failed status finds its way back), or given up with a reason (dead letters).
   */
  settleOutbox(itemId: string, outcome?: SettleOutcome): Promise<void>;
  /** Renews the lease; false when it was lost. */
  extend(): Promise<boolean>;
  /** Gives the turn back if inbox and outbox are empty; false (turn kept) when work arrived meanwhile. */
  release(): Promise<boolean>;
}

/** How many live conversations sit in one state of one machine. */
export interface StateCount {
  readonly machineId: string;
  readonly state: string;
  readonly count: number;
}

/**
 * Counts live (unexpired) conversations per machine and state, for the flow page. Reads the store; never
 * blocks the workers.
 */
export interface ConversationCensus {
  countByState(): Promise<StateCount[]>;
}
