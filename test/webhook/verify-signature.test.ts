import { describe, expect, it } from '@jest/globals';
import { verifySignature } from '../../src/webhook/verify-signature.js';
import { metaEscape, signBody, textMessage, toWire, webhookBody } from '../builders/payloads.js';

const SECRET = 'app-secret-0123456789';
const FRENCH = "J'ai mangé des pâtes / à 10h";
const body = webhookBody(textMessage({ body: FRENCH, wamid: 'wamid.FR1' }));
const literal = JSON.stringify(body);
const escaped = toWire(body);

describe('verifySignature', () => {
  it('accepts a signature over the exact bytes received', () => {
    const raw = Buffer.from(literal.replace('mangé', 'mange'), 'utf8');
    expect(verifySignature(raw, signBody(raw, SECRET), SECRET)).toBe(true);
  });

  it("accepts Meta's escaped wire form, checked against those raw bytes", () => {
    expect(escaped).toContain('mang\\u00e9 des p\\u00e2tes \\/ \\u00e0 10h');
    expect(/[^\x20-\x7e]/.test(escaped)).toBe(false);
    const raw = Buffer.from(escaped, 'utf8');
    expect(verifySignature(raw, signBody(escaped, SECRET), SECRET)).toBe(true);
  });

  it('does not check re-serialised JSON: parsing and stringifying the wire body breaks the signature', () => {
    const header = signBody(escaped, SECRET);
    const reserialised = JSON.stringify(JSON.parse(escaped));
    expect(reserialised).toBe(literal);
    expect(verifySignature(Buffer.from(reserialised, 'utf8'), header, SECRET)).toBe(false);
  });

  it('accepts literal UTF-8 signed as it is', () => {
    const raw = Buffer.from(literal, 'utf8');
    expect(raw.length).toBeGreaterThan(literal.length); // multi-byte UTF-8 on the wire
    expect(verifySignature(raw, signBody(raw, SECRET), SECRET)).toBe(true);
  });

  it('accepts literal UTF-8 whose signature was computed over the \\u-escaped form (defensive second try)', () => {
    const unicodeOnly = literal.replace(/[\u0080-\uffff]/g, (u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(verifySignature(Buffer.from(literal, 'utf8'), signBody(unicodeOnly, SECRET), SECRET)).toBe(true);
  });

  it('escapes astral characters as two lowercase UTF-16 units', () => {
    const emoji = JSON.stringify(webhookBody(textMessage({ body: 'Merci 😮 ÉT' })));
    const header = signBody(emoji.replace('😮', '\\ud83d\\ude2e').replace('É', '\\u00c9'), SECRET);
    expect(verifySignature(Buffer.from(emoji, 'utf8'), header, SECRET)).toBe(true);
    const upper = signBody(emoji.replace('😮', '\\uD83D\\uDE2E').replace('É', '\\u00C9'), SECRET);
    expect(verifySignature(Buffer.from(emoji, 'utf8'), upper, SECRET)).toBe(false);
  });

  it('rejects a wrong secret and a tampered body', () => {
    const raw = Buffer.from(escaped, 'utf8');
    const header = signBody(raw, SECRET);
    expect(verifySignature(raw, signBody(raw, 'other-secret'), SECRET)).toBe(false);
    expect(verifySignature(Buffer.from(escaped.replace('10h', '11h'), 'utf8'), header, SECRET)).toBe(false);
    expect(verifySignature(Buffer.from(metaEscape(literal.replace('pâtes', 'pates')), 'utf8'), header, SECRET)).toBe(false);
  });

  it('rejects an empty body signed with another secret, and accepts it signed right', () => {
    const empty = Buffer.alloc(0);
    expect(verifySignature(empty, signBody(empty, SECRET), SECRET)).toBe(true);
    expect(verifySignature(empty, signBody(empty, 'x'), SECRET)).toBe(false);
  });

  const raw = Buffer.from(escaped, 'utf8');
  const hex = signBody(raw, SECRET).slice('sha256='.length);
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['prefix only', 'sha256='],
    ['bare hex, no prefix', hex],
    ['uppercase prefix', `SHA256=${hex}`],
    ['sha1 prefix', `sha1=${hex}`],
    ['short', `sha256=${hex.slice(0, 40)}`],
    ['odd length', `sha256=${hex.slice(0, 63)}`],
    ['too long', `sha256=${hex}00`],
    ['non-hex', `sha256=${'z'.repeat(64)}`],
    ['non-hex mixed', `sha256=${hex.slice(0, 62)}g!`],
    ['surrounding space', ` sha256=${hex} `],
    ['two signatures', `sha256=${hex},sha256=${hex}`],
    ['unicode junk', `sha256=${'é'.repeat(64)}`],
  ])('rejects a %s header without throwing', (_label, header) => {
    expect(() => verifySignature(raw, header, SECRET)).not.toThrow();
    expect(verifySignature(raw, header, SECRET)).toBe(false);
  });

  it('accepts uppercase hex digits (the same digest), since the prefix alone is case-sensitive', () => {
    expect(verifySignature(raw, `sha256=${hex.toUpperCase()}`, SECRET)).toBe(true);
  });

  it('returns false rather than throwing on a body that is not a Buffer', () => {
    const notABuffer = escaped as unknown as Buffer;
    expect(verifySignature(notABuffer, `sha256=${hex}`, SECRET)).toBe(false);
  });
});
