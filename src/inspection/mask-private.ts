/**
 * Masks what could identify a citizen before an inspection event leaves the process: every string inside
 * context, events, inputs and outputs becomes `‹N chars›`, except the structural ones a designer needs to follow
 * the flow (event types, choice ids, state values, pseudonymous actor ids).
 */

/** Keys whose string values are structure, not user data. */
const STRUCTURAL = new Set([
  'type', 'id', 'name', 'src', 'value', 'status', 'sessionId', 'rootId', 'systemId', 'parentId', 'sourceId', 'targetId',
  'media', 'kind', '_version', 'createdAt',
]);
/** Subtrees copied as they are: the machine's own definition and state values. */
const VERBATIM = new Set(['definition', 'value']);
/** Inspection events can reference live objects; deeper or circular parts are cut. */
const MAX_DEPTH = 12;

function maskString(text: string): string {
  return `‹${text.length} chars›`;
}

/** Returns a masked deep copy of `value`; `key` is the property it was found under. */
export function maskPrivate(value: unknown, key = '', seen = new WeakSet<object>(), depth = 0): unknown {
  if (VERBATIM.has(key)) return value;
  if (typeof value === 'string') return STRUCTURAL.has(key) ? value : maskString(value);
  if (!value || typeof value !== 'object') return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[cut]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => maskPrivate(item, key, seen, depth + 1));
  // Keys starting with `_` are live actor internals, never useful to a viewer (`_version` excepted).
  const entries = Object.entries(value).filter(([k]) => !k.startsWith('_') || k === '_version');
  return Object.fromEntries(entries.map(([k, v]) => [k, maskPrivate(v, k, seen, depth + 1)]));
}
