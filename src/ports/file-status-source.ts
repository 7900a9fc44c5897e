/** What the CSS knows of one pension file. */
export interface FileStatus {
  /** Known to the CSS at all. */
  readonly found: boolean;
  /** A short French label, e.g. "En cours d'instruction". */
  readonly status?: string;
  /** ISO date of the last change, when given. */
  readonly updatedAt?: string;
}

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
