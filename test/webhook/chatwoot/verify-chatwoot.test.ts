import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { verifyChatwoot } from '../../../src/webhook/chatwoot/verify-chatwoot.js';

const SECRET = 'a-webhook-secret-of-some-length';
const body = Buffer.from('{"event":"message_created","content":"Ça marche"}');
const now = 1_750_150_000;
const sign = (timestamp: string, raw: Buffer = body, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(raw).digest('hex')}`;

describe('verifyChatwoot', () => {
  it.each([
    ['a fresh signature over the exact bytes', { signature: sign(String(now)), timestamp: String(now) }, true],
    ['a signature 4 minutes old', { signature: sign(String(now - 240)), timestamp: String(now - 240) }, true],
    ['a signature 6 minutes old (a replay)', { signature: sign(String(now - 360)), timestamp: String(now - 360) }, false],
    ['a signature from the future', { signature: sign(String(now + 360)), timestamp: String(now + 360) }, false],
    ['a signature with another timestamp than signed', { signature: sign(String(now)), timestamp: String(now - 1) }, false],
    ['a signature by another secret', { signature: sign(String(now), body, 'another-secret-entirely'), timestamp: String(now) }, false],
    ['a signature without its timestamp', { signature: sign(String(now)) }, false],
    ['a malformed signature', { signature: 'sha256=zz', timestamp: String(now) }, false],
    ['a wrong signature even with the right token', { signature: sign(String(now), Buffer.from('{}')), timestamp: String(now), token: SECRET }, false],
    ['the secret as token', { token: SECRET }, true],
    ['a token one character short', { token: SECRET.slice(0, -1) }, false],
    ['nothing at all', {}, false],
  ])('%s → %s', (_case, proof, expected) => {
    expect(verifyChatwoot(body, proof, SECRET, now)).toBe(expected);
  });

  it('checks the bytes as received: a body re-encoded differently fails', () => {
    const signature = sign(String(now));
    const reencoded = Buffer.from('{"event":"message_created","content":"\\u00c7a marche"}');
    expect(verifyChatwoot(reencoded, { signature, timestamp: String(now) }, SECRET, now)).toBe(false);
  });
});
