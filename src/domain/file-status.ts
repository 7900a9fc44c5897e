/**
 * What the CSS knows of one pension file: the output of the `lookupFileStatus` effect, as machines read it.
 *
 * @example
 * const status: FileStatus = { found: true, status: 'En cours d’instruction', updatedAt: '2026-10-30' };
 */
export interface FileStatus {
  /** Known to the CSS at all. */
  readonly found: boolean;
  /** A short French label, e.g. "En cours d'instruction". */
  readonly status?: string;
  /** ISO date of the last change, when given. */
  readonly updatedAt?: string;
}
