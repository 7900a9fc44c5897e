/**
 * The context fields an exploration met, with the JSON types of their values: what a stored conversation
 * holds, for the shape records that keep versions honest.
 */

/** `string`, `number`, `boolean`, `object`, `array`, `null` or `undefined`: how a stored snapshot holds a value. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** Adds the fields of `context` to `fields`. */
export function noteContext(fields: Map<string, Set<string>>, context: unknown): void {
  if (typeof context !== 'object' || context === null) return;
  for (const [key, value] of Object.entries(context)) {
    const types = fields.get(key) ?? new Set<string>();
    types.add(jsonType(value));
    fields.set(key, types);
  }
}
