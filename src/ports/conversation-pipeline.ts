import type { EffectCall } from '../domain/effect-call.js';
import type { ConversationRef, LaneInput } from '../domain/lane-input.js';
import type { OutboundMessage, Recipient } from '../domain/outbound.js';

/**
 * The durable path of a message: accepted by the webhook into a per-conversation inbox, taken by one
 * worker at a time (a lease on the conversation), turned into a new snapshot plus outbox in one atomic commit,
 * then sent. Implemented in memory (one process) and in Redis (many processes, crashes, Redis Cluster).
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
  readonly contact?: ConversationRef;
}

/**
 * What outlives a session (kept `USER_MEMORY_DAYS`): when the user was last heard from, and what the machine chose to
 * keep (its `remember`), so a returning user is greeted back rather than welcomed as a stranger.
 */
export interface UserMemory {
  readonly lastSeenAt: number;
  readonly remembered: Readonly<Record<string, unknown>>;
}

/** An effect call recorded with a commit, and until when the process that runs it owns it. */
export interface PendingEffect {
  readonly call: EffectCall;
  /** Past this time (ms) with no outcome, another process may run the call again (its runner died). */
  readonly claimedUntil: number;
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
  /** The machine state that produced it, for error reports and the message ledger. */
  readonly state: string;
  /** The machine that produced it (the message ledger counts by machine); absent in items stored before it was kept. */
  readonly machine?: string;
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
 * The webhook's side, and the runtime's way into a lane. `accept` resolves only once the inputs are stored
 * durably, so the webhook may answer 200; each id (`wamid`) is stored once within the dedup window however often
 * it is delivered.
 *
 * @example
 * await inbox.accept(parsed.messages); // then 200
 */
export interface Inbox {
  accept(inputs: readonly LaneInput[]): Promise<AcceptResult>;
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
  /** Takes the exclusive lease on one conversation, or `undefined` when another worker holds it. */
  lease(key: string): Promise<ConversationLease | undefined>;
  /**
   * Puts a timer message into the inbox of every conversation whose earliest timer is due by `now`, so it is
   * handled in that conversation's lane like a message. Safe to call from every process at once.
   */
  fireDueTimers(now: number, max: number): Promise<number>;
  /** Work tickets not yet completed, and how long the oldest has waited (for the queue metrics). */
  queueStats(): Promise<{ readonly depth: number; readonly oldestAgeMs: number }>;
}

/** Thrown by `ConversationLease` operations once the lease has passed to another worker (fencing). */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  // The key holds a phone number: it stays out of the message, which is logged.
  constructor() {
    super('the turn on this conversation was lost to another worker (lease expired)');
  }
}

/**
 * Exclusive access to one conversation while its lane runs, over as many inputs as are waiting. Every write checks
 * the lease, so a worker that paused past its lease cannot overwrite what the next holder wrote.
 */
export interface ConversationLease {
  readonly key: string;
  /** The oldest input not yet committed. */
  nextInput(): Promise<LaneInput | undefined>;
  load(): Promise<StoredConversation | undefined>;
  /** What is kept of the user's earlier sessions; read when `load()` found no live session. */
  memory(): Promise<UserMemory | undefined>;
  /** Messages committed but not yet sent, oldest first. */
  pendingOutbox(): Promise<OutboxItem[]>;
  /**
   * Atomically: removes input `inputId`, stores `conversation` (unless undefined: state unchanged) with the
   * session expiry, appends `outbox`, records the effect calls the turn started and the user's memory. Then
   * schedules the conversation's earliest timer, if any.
   */
  commit(change: CommitChange): Promise<void>;
  /**
   * Removes the oldest outbox item once it is settled: sent (Meta's `wamid` for it is remembered with the
   * conversation, so that a later failed status finds its way back), or given up with a reason (dead letters).
   */
  settleOutbox(itemId: string, outcome?: SettleOutcome): Promise<void>;
  /** Renews the lease; false when it was lost. */
  extend(): Promise<boolean>;
  /**
   * Gives the conversation back if inbox and outbox are empty, completing the work tickets `done` in the same step;
   * false (lease kept, tickets not completed) when work arrived meanwhile.
   */
  release(done?: readonly WorkTicket[]): Promise<boolean>;
  /**
   * Optional, a round trip saved per turn: gives the conversation back with the next write (a commit, a settled send)
   * that leaves inbox and outbox empty, completing the tickets `done()` returns then, as `release` would. A store that
   * offers it sets `released` to those tickets once it happened; the holder then has nothing left to release.
   */
  releaseWhenIdle?(done: () => readonly WorkTicket[]): void;
  readonly released?: readonly WorkTicket[] | undefined;
}

/** What one turn writes, in one atomic step. */
export interface CommitChange {
  /** The input handled (its `wamid`). */
  readonly inputId: string;
  readonly conversation?: StoredConversation;
  readonly outbox: readonly OutboxItem[];
  /** Effect calls the turn started: recorded so that, should this process die, another runs them. */
  readonly effects?: readonly PendingEffect[];
  readonly memory?: UserMemory;
  /** How long this conversation is kept idle, when not the store's session length (a conversation with an agent). */
  readonly sessionTtlSeconds?: number;
}

/** How many live conversations sit in one state of one machine. */
export interface StateCount {
  readonly machineId: string;
  readonly state: string;
  readonly count: number;
  /** The same conversations by the language they speak (`fr`, `en`, `wo`); French when the machine keeps none. */
  readonly byLocale?: Readonly<Record<string, number>>;
}

/**
 * Counts live (unexpired) conversations per machine and state, for the flow page. Reads the store; never
 * blocks the workers.
 */
export interface ConversationCensus {
  countByState(): Promise<StateCount[]>;
}

/** When the earliest of a conversation's timers falls due, if it has any. */
export function earliestDue(conversation: StoredConversation | undefined): number | undefined {
  const timers: readonly PendingTimer[] = conversation?.timers ?? [];
  return timers.length === 0 ? undefined : Math.min(...timers.map((timer) => timer.dueAt));
}
