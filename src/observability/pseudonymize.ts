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
  // A turn asks for its user's pseudonym several times (analytics, the ledger, logs): remembered for the users of the
  // last moments, so the HMAC is computed about once per turn's user. Oldest first out, so the map stays small.
  const recent = new Map<string, string>();
  return (identifier) => {
    const known = recent.get(identifier);
    if (known !== undefined) return known;
    const pseudonym = createHmac('sha256', key).update(identifier).digest('hex').slice(0, 12);
    if (recent.size >= RECENT_USERS) recent.delete(recent.keys().next().value as string);
    recent.set(identifier, pseudonym);
    return pseudonym;
  };
}

/** Pseudonyms remembered: about a minute of users at 100 messages/s, under a megabyte. */
const RECENT_USERS = 10_000;
