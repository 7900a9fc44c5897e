import { AnswerUnavailableError } from './errors.js';
import { MediaRejectedError } from './media-question.js';

/**
 * Errors as data and back. An effect's failure crosses the store before its machine sees it (`onError`), and the
 * machine matches it by type (`instanceof AnswerUnavailableError`, with its `reason`), so the errors machines know
 * are revived as instances of their class; any other error arrives as a plain `Error` with its message.
 */

export type ErrorData =
  | { readonly type: 'AnswerUnavailableError'; readonly reason: AnswerUnavailableError['reason']; readonly message: string; readonly httpStatus?: number }
  | { readonly type: 'MediaRejectedError'; readonly reason: MediaRejectedError['reason']; readonly message: string; readonly httpStatus?: number }
  | { readonly type: 'Error'; readonly message: string };

const status = (httpStatus: number | undefined) => (httpStatus === undefined ? {} : { httpStatus });

/**
 * @example
 * toErrorData(new AnswerUnavailableError('timeout', 'CSS API did not answer in time'))
 * // { type: 'AnswerUnavailableError', reason: 'timeout', message: 'CSS API did not answer in time' }
 */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof AnswerUnavailableError) {
    return { type: 'AnswerUnavailableError', reason: error.reason, message: error.message, ...status(error.httpStatus) };
  }
  if (error instanceof MediaRejectedError) {
    return { type: 'MediaRejectedError', reason: error.reason, message: error.message, ...status(error.httpStatus) };
  }
  return { type: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** The error a machine receives in `onError` (`event.error`). */
export function fromErrorData(data: ErrorData): Error {
  switch (data.type) {
    case 'AnswerUnavailableError':
      return new AnswerUnavailableError(data.reason, data.message, data.httpStatus);
    case 'MediaRejectedError':
      return new MediaRejectedError(data.reason, data.message, data.httpStatus);
    default:
      return new Error(data.message);
  }
}
