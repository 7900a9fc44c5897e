import pRetry, { AbortError } from 'p-retry';
import { GraphApiError, MessageLimitError } from '../domain/errors.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { OutboxItem, Turn } from '../ports/conversation-pipeline.js';
import type { MessageSender } from '../ports/message-sender.js';

export interface SendOutboxDeps {
  readonly sender: MessageSender;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Retries of a retryable failure before the message goes to the dead letters. */
  readonly sendRetries?: number;
  readonly retryMinDelayMs?: number;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof MessageLimitError) return false;
  if (error instanceof GraphApiError) return error.retryable;
  return true;
}

/**
 * Sends a turn's committed replies, oldest first, one at a time so the user reads them in order. Each is
 * removed from the outbox right after the Graph API accepts it: a crash in between is the only way a reply
 * can go out twice. Failures that retrying cannot fix go to the dead letters, never silently away.
 */
export async function sendOutbox(deps: SendOutboxDeps, turn: Turn): Promise<void> {
  for (const item of await turn.pendingOutbox()) {
    const failure = await sendOne(deps, item);
    await turn.settleOutbox(item.id, failure);
  }
}

async function sendOne(deps: SendOutboxDeps, item: OutboxItem): Promise<string | undefined> {
  try {
    await pRetry(
      async () => {
        try {
          await deps.sender.send(item.recipient, item.message);
        } catch (error) {
          if (isRetryable(error)) throw error;
          // Name the state that emitted a message breaking a Cloud API limit: that is where the designer looks.
          const named = error instanceof MessageLimitError && error.state === undefined
            ? new MessageLimitError(error.field, error.limit, error.actual, item.state)
            : error;
          throw new AbortError(named as Error);
        }
      },
      {
        retries: deps.sendRetries ?? 5,
        minTimeout: deps.retryMinDelayMs ?? 500,
        randomize: true,
        onFailedAttempt: ({ error, attemptNumber }) => {
          deps.metrics.sends.inc({ result: 'retried', code: codeOf(error) });
          deps.logger.warn({ outboxId: item.id, attempt: attemptNumber, err: error }, 'send failed, will retry');
        },
      },
    );
    deps.metrics.sends.inc({ result: 'sent', code: '' });
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.metrics.sends.inc({ result: 'dead_letter', code: codeOf(error) });
    deps.logger.error(
      { outboxId: item.id, state: item.state, messageType: item.message.type, code: codeOf(error), err: error },
      `reply not sent, moved to dead letters: ${reason}`,
    );
    return reason;
  }
}

function codeOf(error: unknown): string {
  return error instanceof GraphApiError && error.code !== undefined ? String(error.code) : '';
}
