import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed delivery may be (Chatwoot's own advice): an older one is a replay. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

/** What a Chatwoot delivery carries to prove where it comes from. */
export interface ChatwootProof {
  /** `X-Chatwoot-Signature`: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` (Chatwoot ≥ 4.13). */
  readonly signature?: string;
  /** `X-Chatwoot-Timestamp`, unix seconds. */
  readonly timestamp?: string;
  /** A secret put in the webhook URL (`?token=`) or a header, for a Chatwoot that does not sign. */
  readonly token?: string;
}

/** Equal-length digests compared in constant time: neither the length nor the content leaks through timing. */
const sameSecret = (given: string, secret: string): boolean =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(secret).digest());

/**
 * Whether a delivery comes from our Chatwoot: a valid signature no older than five minutes, or the secret itself as
 * a token. Never throws.
 *
 * @example
 * verifyChatwoot(rawBody, { signature: ctx.get('x-chatwoot-signature'), timestamp: ctx.get('x-chatwoot-timestamp') }, secret)
 */
export function verifyChatwoot(rawBody: Buffer, proof: ChatwootProof, secret: string, nowSeconds = Date.now() / 1000): boolean {
  try {
    if (proof.signature) {
      const hex = SIGNATURE.exec(proof.signature)?.[1];
      const timestamp = proof.timestamp;
      if (hex === undefined || timestamp === undefined || !TIMESTAMP.test(timestamp)) return false;
      if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return false;
      const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
      return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
    }
    return proof.token !== undefined && sameSecret(proof.token, secret);
  } catch {
    return false;
  }
}
