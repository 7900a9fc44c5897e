import { createHmac, randomBytes } from 'node:crypto';

/** Turns an identifier (a conversation key holding a phone number) into a stable, non-reversible stand-in. */
export type Pseudonymize = (identifier: string) => string;

/**
 * A keyed hash (HMAC-SHA256, 12 hex characters) so logs, metrics and the inspector can follow one user without
 * naming them. With `PSEUDONYM_KEY` the stand-ins are the same across processes and restarts; without it, a
 * random key per process.
 *
 * @example
 * const pseudonym = createPseudonymizer(config.pseudonymKey);
 * logger.info({ conversation: pseudonym(key) }, 'turn done');
 */
export function createPseudonymizer(key: string = randomBytes(32).toString('hex')): Pseudonymize {
  return (identifier) => createHmac('sha256', key).update(identifier).digest('hex').slice(0, 12);
}
