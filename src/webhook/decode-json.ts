/** A body as JSON, or why it is not. */
export type DecodedJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * Decodes a request body as strict UTF-8 JSON. Invalid UTF-8 is refused rather than patched with U+FFFD: the body
 * was signed as bytes, and a text silently different from them is not what Meta sent. Called only once the
 * signature holds (or when none is checked), so an outsider's body never costs a parse.
 *
 * @example
 * decodeJson(Buffer.from('{"object":"whatsapp_business_account"}')) // { ok: true, value: { object: … } }
 * decodeJson(Buffer.from([0x7b, 0xff, 0x7d]))                       // { ok: false, reason: 'body is not valid UTF-8' }
 */
export function decodeJson(raw: Buffer): DecodedJson {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    return { ok: false, reason: 'body is not valid UTF-8' };
  }
  if (text.trim() === '') return { ok: false, reason: 'body is empty' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
}
