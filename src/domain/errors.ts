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
