/** The statuses Meta documents for a message we sent (`played` for voice notes, `deleted` and `warning` legacy). */
const KNOWN_STATUSES: ReadonlySet<string> = new Set(['sent', 'delivered', 'read', 'played', 'failed', 'deleted', 'warning']);

/**
 * The metric label of a status: itself when Meta documents it, else `other`. A label per arbitrary string would
 * let one signed delivery create thousands of series and bloat every `/metrics` scrape.
 *
 * @example
 * statusLabel('read') // 'read'
 * statusLabel('x'.repeat(99)) // 'other'
 */
export function statusLabel(status: string): string {
  return KNOWN_STATUSES.has(status) ? status : 'other';
}
