import { createHash, timingSafeEqual } from 'node:crypto';

/** What to answer to Meta's GET verification request: the challenge, or a refusal. */
export type HandshakeAnswer = { status: 200; body: string } | { status: 403 };

const REFUSED: HandshakeAnswer = { status: 403 };

/**
 * Answers Meta's webhook verification (`GET ?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C`).
 *
 * Why so strict: a wrong `200` lets anyone subscribe the endpoint elsewhere, so everything doubtful is
 * `403` — an unset or empty `verifyToken` (per the contract every handshake is then refused), a
 * mode other than `subscribe`, a missing or empty challenge, and any parameter given twice
 * (`?hub.mode=a&hub.mode=b` parses to an array). The challenge is echoed verbatim as a string, never
 * parsed as a number. Tokens are compared in constant time (both are hashed first, so that even
 * their lengths do not leak). Reads the flat keys (`hub.mode`) that Koa and `node:querystring`
 * produce, or a nested `hub` object as `qs` produces.
 *
 * @example
 * const answer = answerHandshake(ctx.query, config.webhookVerifyToken);
 * ctx.status = answer.status;
 * if (answer.status === 200) ctx.body = answer.body;
 */
export function answerHandshake(query: Record<string, unknown>, verifyToken: string | undefined): HandshakeAnswer {
  if (verifyToken === undefined || verifyToken === '') return REFUSED;
  const mode = param(query, 'mode');
  const token = param(query, 'verify_token');
  const challenge = param(query, 'challenge');
  if (mode !== 'subscribe' || token === undefined || challenge === undefined || challenge === '') return REFUSED;
  return sameSecret(token, verifyToken) ? { status: 200, body: challenge } : REFUSED;
}

/** One `hub.*` parameter if it is a single string; anything else (array, object, absent) is `undefined`. */
function param(query: Record<string, unknown>, name: 'mode' | 'verify_token' | 'challenge'): string | undefined {
  const flat: unknown = Object.hasOwn(query, `hub.${name}`) ? query[`hub.${name}`] : undefined;
  const hub: unknown = Object.hasOwn(query, 'hub') ? query['hub'] : undefined;
  const nested: unknown =
    typeof hub === 'object' && hub !== null && !Array.isArray(hub) && Object.hasOwn(hub, name)
      ? (hub as Record<string, unknown>)[name]
      : undefined;
  if (flat !== undefined && nested !== undefined) return undefined;
  const value = flat ?? nested;
  return typeof value === 'string' ? value : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
