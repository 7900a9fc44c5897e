import { isAscii } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=` followed by exactly 64 hex digits, as Meta sends it (the prefix is case-sensitive). */
const SIGNATURE_HEADER = /^sha256=([0-9a-fA-F]{64})$/;
/** One UTF-16 code unit outside ASCII; without the `u` flag a surrogate pair matches as two units. */
const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * Checks `X-Hub-Signature-256` against the HMAC-SHA256 of the body **exactly as received**: the bytes, never
 * a decoded text (decoding replaces invalid UTF-8, so two different bodies would share one signature).
 *
 * Why the raw bytes: Meta signs its wire form, in which non-ASCII is escaped (`é` → `\u00e9`) and
 * `/` is `\/`; re-serialising parsed JSON undoes those escapes and breaks every French message.
 * As a defensive second try, when the raw body holds non-ASCII bytes, the HMAC of the body with
 * non-ASCII UTF-16 code units escaped as lowercase `\uXXXX` is accepted too (Meta documents that it
 * signs that escaped form; a proxy that unescapes would otherwise lock us out).
 *
 * `rawDigest`, when given, is the HMAC of `rawBody` computed chunk by chunk while it arrived (see
 * `signingStream`), so that a large body never costs one long hash on the event loop.
 *
 * Never throws: a missing or malformed header, or any unexpected input, is simply `false`. Digests
 * are compared with `timingSafeEqual` on equal-length buffers, so timing reveals nothing.
 *
 * @example
 * if (!verifySignature(rawBody, ctx.get('x-hub-signature-256') || undefined, appSecret)) ctx.status = 401;
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string, rawDigest?: Buffer): boolean {
  try {
    const hex = typeof header === 'string' ? SIGNATURE_HEADER.exec(header)?.[1] : undefined;
    if (hex === undefined || !Buffer.isBuffer(rawBody)) return false;
    const expected = Buffer.from(hex, 'hex');
    const actual = rawDigest ?? createHmac('sha256', appSecret).update(rawBody).digest();
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return true;
    if (isAscii(rawBody)) return false;
    // Only a valid UTF-8 body has an escaped form: decoding invalid bytes would replace them, and a body
    // differing from a signed one in those bytes would then pass.
    const decoded = strictUtf8(rawBody);
    return decoded !== undefined && matches(expected, Buffer.from(escapeNonAscii(decoded), 'utf8'), appSecret);
  } catch {
    return false;
  }
}

function matches(expected: Buffer, body: Buffer, appSecret: string): boolean {
  const actual = createHmac('sha256', appSecret).update(body).digest();
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * An HMAC-SHA256 under the app secret fed chunk by chunk: give its `digest()` to `verifySignature`.
 *
 * @example
 * const signing = signingStream(appSecret); request.on('data', (chunk) => signing.update(chunk));
 */
export function signingStream(appSecret: string): { update(chunk: Buffer): void; digest(): Buffer } {
  const hmac = createHmac('sha256', appSecret);
  return { update: (chunk) => void hmac.update(chunk), digest: () => hmac.digest() };
}

function strictUtf8(body: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return undefined;
  }
}

function escapeNonAscii(text: string): string {
  return text.replace(NON_ASCII, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
