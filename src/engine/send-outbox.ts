import pRetry, { AbortError } from 'p-retry';
import { DeliveryUnknownError, GraphApiError, MessageLimitError } from '../domain/errors.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { type ConversationLease, LeaseLostError, type OutboxItem } from '../ports/conversation-pipeline.js';
import type { MessageLedger } from '../ports/message-ledger.js';
import type { MessageSender } from '../ports/message-sender.js';
import type { RateLimits } from '../ports/rate-limits.js';

export interface SendOutboxDeps {
  readonly sender: MessageSender;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Retries of a retryable failure before the message goes to the dead letters. */
  readonly sendRetries?: number;
  readonly retryMinDelayMs?: number;
  /** Give up on a retryable failure after this long (then: dead letters). */
  readonly retryMaxMs?: number;
  /** Paces sends per business number and per recipient; absent: no pacing. */
  readonly limits?: RateLimits;
  /** Counts every message sent by machine and state (every message is billed); absent: not counted. */
  readonly messageLedger?: MessageLedger;
}

/** Meta's "access token expired or invalid": every send fails until someone renews the token. */
const TOKEN_EXPIRED = 190;
const lastTokenAlarm = new WeakMap<Logger, number>();

/** Logs the expired token loudly, but once a minute, not once per message. */
function alarmTokenExpired(logger: Logger): void {
  const now = Date.now();
  if (now - (lastTokenAlarm.get(logger) ?? 0) < 60_000) return;
  lastTokenAlarm.set(logger, now);
  logger.fatal('the Graph API refuses WHATSAPP_TOKEN (code 190: expired or invalid): no reply can be sent until it is renewed');
}

function isRetryable(error: unknown): boolean {
  // It may have been delivered: a second try could be the user's second copy (see DeliveryUnknownError).
  if (error instanceof DeliveryUnknownError) return false;
  if (error instanceof MessageLimitError) return false;
  if (error instanceof GraphApiError) return error.retryable;
  return true;
}

/**
 * Sends a turn's committed replies, oldest first, one at a time so the user reads them in order. Each is
 * removed from the outbox right after the Graph API accepts it: a crash in between is the only way a reply
 * can go out twice. Failures that retrying cannot fix go to the dead letters, never silently away; so does a
 * send whose outcome is unknown (no answer in time), marked so, and never retried on its own.
 */
export async function sendOutbox(deps: SendOutboxDeps, turn: ConversationLease): Promise<{ windowClosed?: OutboxItem }> {
  let windowClosed: OutboxItem | undefined;
  for (const item of await turn.pendingOutbox()) {
    if (windowClosed) {
      // Meta refuses this user until they write again: the rest of the turn's replies cannot go either.
      deps.metrics.sends.inc({ result: 'dead_letter', code: String(WINDOW_CLOSED) });
      await turn.settleOutbox(item.id, { deadLetterReason: 'not sent: the 24-hour customer service window is closed (131047)' });
      continue;
    }
    const outcome = await sendOne(deps, item);
    // Counted first, so that the wamid is known when Meta's status comes (within a second or so).
    if (outcome.sent) await countSent(deps, turn.key, item, outcome.wamid);
    // The reply is out: its removal from the outbox must not be lost to a Redis blip, or it would go out again.
    const settled = {
      ...(outcome.wamid !== undefined ? { sentWamid: outcome.wamid } : {}),
      ...(outcome.failure !== undefined ? { deadLetterReason: outcome.failure } : {}),
    };
    await whileLeased(() => turn.settleOutbox(item.id, settled));
    if (outcome.code === WINDOW_CLOSED) windowClosed = item;
  }
  return windowClosed ? { windowClosed } : {};
}

/**
 * Retries a store write for as long as the turn is still ours (Redis restarting, a failover): only a lost lease
 * (someone else holds the conversation now) or half a minute of failures ends it.
 */
function whileLeased(write: () => Promise<void>): Promise<void> {
  return pRetry(
    async () => {
      try {
        await write();
      } catch (error) {
        throw error instanceof LeaseLostError ? new AbortError(error) : error;
      }
    },
    { retries: 30, minTimeout: 100, maxTimeout: 2000, maxRetryTime: 30_000 },
  );
}

/** Meta's "re-engagement message": more than 24 hours since the user last wrote. */
export const WINDOW_CLOSED = 131047;

interface SendOutcome {
  /** The Graph API accepted it (in dry run: it was logged). */
  readonly sent?: boolean;
  readonly wamid?: string;
  readonly failure?: string;
  readonly code?: number;
}

async function sendOne(deps: SendOutboxDeps, item: OutboxItem): Promise<SendOutcome> {
  try {
    const sent = await pRetry(
      async () => {
        try {
          await deps.limits?.beforeSend(item.recipient.phoneNumberId, item.recipient.to ?? item.recipient.userId ?? '');
          return await deps.sender.send(item.recipient, item.message);
        } catch (error) {
          if (error instanceof GraphApiError && error.code === TOKEN_EXPIRED) alarmTokenExpired(deps.logger);
          if (isRetryable(error)) throw error;
          // Name the state that emitted a message breaking a Cloud API limit: that is where the designer looks.
          const named = error instanceof MessageLimitError && error.state === undefined
            ? new MessageLimitError(error.field, error.limit, error.actual, item.state)
            : error;
          throw new AbortError(named as Error);
        }
      },
      {
        retries: deps.sendRetries ?? 6,
        minTimeout: deps.retryMinDelayMs ?? 500,
        factor: 2,
        randomize: true,
        maxRetryTime: deps.retryMaxMs ?? 60_000,
        onFailedAttempt: ({ error, attemptNumber }) => {
          deps.metrics.sends.inc({ result: 'retried', code: codeOf(error) });
          deps.logger.warn({ traceId: item.traceId, outboxId: item.id, attempt: attemptNumber, err: error }, 'send failed, will retry');
        },
      },
    );
    deps.metrics.sends.inc({ result: 'sent', code: '' });
    deps.logger.debug({ traceId: item.traceId, outboxId: item.id, wamid: sent.wamid }, 'reply sent');
    return sent.wamid === undefined ? { sent: true } : { sent: true, wamid: sent.wamid };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.metrics.sends.inc({ result: 'dead_letter', code: codeOf(error) });
    // An expired token fails every send: it is announced once a minute (above), not once per message.
    const level = error instanceof GraphApiError && error.code === TOKEN_EXPIRED ? 'debug' : 'error';
    deps.logger[level](
      { traceId: item.traceId, outboxId: item.id, state: item.state, messageType: item.message.type, code: codeOf(error), err: error },
      `reply not sent, moved to dead letters: ${reason}`,
    );
    return { failure: reason, ...(error instanceof GraphApiError && error.code !== undefined ? { code: error.code } : {}) };
  }
}

/** Counts a sent message in the ledger; a ledger that does not answer costs the count, never the reply. */
async function countSent(deps: SendOutboxDeps, conversation: string, item: OutboxItem, wamid: string | undefined): Promise<void> {
  try {
    const machine = item.machine ?? '(unknown)';
    await deps.messageLedger?.recordSent({ conversation, machine, state: item.state, at: Date.now(), ...(wamid === undefined ? {} : { wamid }) });
  } catch (error) {
    deps.logger.warn({ traceId: item.traceId, outboxId: item.id, err: error }, 'message ledger: a sent message could not be counted');
  }
}

function codeOf(error: unknown): string {
  return error instanceof GraphApiError && error.code !== undefined ? String(error.code) : '';
}
