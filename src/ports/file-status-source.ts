import type { FileStatus } from '../domain/file-status.js';

/**
 * Where the status of a pension file comes from (a CSS API endpoint in production). Rejects with
 * `AnswerUnavailableError` when it cannot tell; the machine apologises and goes on.
 *
 * @example
 * const { found, status } = await files.status('1234567A', { signal });
 */
export interface FileStatusSource {
  status(registrationNumber: string, options?: { signal?: AbortSignal }): Promise<FileStatus>;
}
