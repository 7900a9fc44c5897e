import { isAxiosError } from 'axios';
import { AnswerUnavailableError } from '../../domain/errors.js';

/** axios error codes meaning the time allowed ran out (`ECONNABORTED` is axios's own timeout). */
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED']);

/**
 * Maps a failed call to one of the CSS API's endpoints to its reason, so every CSS client fails the same
 * typed way. An abort by the caller's `signal` counts as a timeout.
 */
export function toAnswerUnavailable(error: unknown): AnswerUnavailableError {
  if (!isAxiosError(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new AnswerUnavailableError('network', `CSS API call failed: ${detail}`);
  }
  const status = error.response?.status;
  if (status !== undefined) {
    return new AnswerUnavailableError('http-status', `CSS API answered HTTP ${status}`, status);
  }
  if (error.code !== undefined && TIMEOUT_CODES.has(error.code)) {
    return new AnswerUnavailableError('timeout', `CSS API did not answer in time (${error.code}: ${error.message})`);
  }
  return new AnswerUnavailableError('network', `CSS API unreachable (${error.code ?? 'network error'}: ${error.message})`);
}
