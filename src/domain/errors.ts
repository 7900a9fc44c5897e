/**
 * One small error family per boundary. Each carries what a reader needs to act on it;
 * none ever carries a token or a secret.
 */

/** The answer source (CSS API) could not answer. The machine's `onError` turns this into a French apology. */
export class AnswerUnavailableError extends Error {
  override readonly name = 'AnswerUnavailableError';
  constructor(
    readonly reason: 'timeout' | 'network' | 'http-status' | 'bad-reply',
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** The Graph API refused a send. `code` is Meta's error code; `retryable` says whether trying again can help. */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
    readonly code?: number,
    readonly fbtraceId?: string,
  ) {
    super(message);
  }
}

/** How the reason of a dead letter starts when the send's outcome is unknown (see `DeliveryUnknownError`). */
export const DELIVERY_UNKNOWN = 'delivery unknown';

/**
 * A send left but no answer came back (the time ran out, the connection was cut): the Graph API may or may not
 * have delivered it. It has no idempotency key, so such a send is never retried on its own: a retry could give
 * the user the same message twice. It goes to the dead letters, marked, for an operator to decide.
 */
export class DeliveryUnknownError extends Error {
  override readonly name = 'DeliveryUnknownError';
  constructor(detail: string) {
    super(`${DELIVERY_UNKNOWN}: ${detail}`);
  }
}

/** An outbound message breaks a Cloud API limit: a machine (or its texts) needs fixing. */
export class MessageLimitError extends Error {
  override readonly name = 'MessageLimitError';
  constructor(
    /** Path of the offending field inside the message, e.g. `buttons[1].title`. */
    readonly field: string,
    readonly limit: number,
    readonly actual: number,
    /** The machine state that emitted it, when known. */
    readonly state?: string,
  ) {
    super(`${state ? `state "${state}": ` : ''}${field} is ${actual} long, the Cloud API allows ${limit}`);
  }
}

/** Why a webhook request is refused; `status` is the HTTP status to answer. */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';
  constructor(
    readonly status: 400 | 401 | 403 | 413 | 503,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The agents' inbox (Chatwoot) could not take a message: unreachable, too slow, or refusing. `retryable` says whether
 * trying again later can help (a network failure, a 5xx, a 429); a 401 needs the operator.
 */
export class AgentInboxError extends Error {
  override readonly name = 'AgentInboxError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}
