/**
 * Total readers of untrusted JSON values, shared by the payload parsers: each returns the value it expects, or
 * `undefined`, and never throws. Ids are checked against what Meta sends, so that nothing downstream (a Redis key,
 * a Graph API path, a conversation key joined with `:`) can be bent by an id of an unexpected shape.
 */

export type Fields = Readonly<Record<string, unknown>>;

/** `metadata.phone_number_id`: Meta's are digits; letters, `_` and `-` are kept for stand-ins. No `.`, `/` or `:`. */
const PHONE_NUMBER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A phone number (`from`, `wa_id`) or a business-scoped user id (`CC.` + alphanumerics, `CC.ENT.…`). */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,159}$/;
const SECONDS = /^\d{1,12}$/;
/** Longest opaque id (a wamid is about 60 characters) kept; longer ones are not Meta's. */
const MAX_ID = 256;

export const fields = (v: unknown): Fields | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Fields) : undefined;
export const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A non-empty opaque id (wamid, media id, choice id) of reasonable length. */
export const id = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' && v.length <= MAX_ID ? v : undefined);
export const userId = (v: unknown): string | undefined => (typeof v === 'string' && USER_ID.test(v) ? v : undefined);
export const phoneNumberIdOf = (v: unknown): string | undefined =>
  typeof v === 'string' && PHONE_NUMBER_ID.test(v) ? v : undefined;
export const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const seconds = (v: unknown): number | undefined =>
  typeof v === 'string' && SECONDS.test(v) ? Number(v) : Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : undefined;

/** `{ key: value }`, or `{}` when the value is absent, so that optional fields are omitted, not `undefined`. */
export const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
