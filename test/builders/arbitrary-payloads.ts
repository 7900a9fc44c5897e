import fc from 'fast-check';
import type { MediaKind } from '../../src/domain/inbound.js';
import * as b from './payloads.js';

/**
 * fast-check arbitraries for webhook payloads: valid builder payloads, and mutations that break them at a random
 * place (delete, retype or replace a field). Shared by the parser's and the server's fuzz tests.
 */

const words = fc.string({ unit: 'grapheme', maxLength: 24 });
const ids = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 });
const sender = fc.record(
  {
    from: fc.constantFrom<string | null>('221771234567', '221772222222', null),
    fromUserId: fc.constantFrom('SN.1', 'SN.2'),
    name: fc.option(words, { nil: null }),
    phoneNumberId: fc.constantFrom('PN1', 'PN2'),
  },
  { requiredKeys: ['from'] },
);
const kinds: MediaKind[] = ['image', 'document', 'audio', 'video', 'sticker'];
const part: fc.Arbitrary<b.Part> = fc.oneof(
  fc.tuple(sender, words).map(([s, body]) => b.textMessage({ ...s, body })),
  fc.tuple(sender, ids, words).map(([s, id, title]) => b.buttonReply({ ...s, id, title })),
  fc.tuple(sender, ids, words).map(([s, id, title]) => b.listReply({ ...s, id, title, description: title })),
  fc.tuple(sender, ids, words).map(([s, payload, text]) => b.templateButton({ ...s, payload, text })),
  fc.tuple(sender, fc.constantFrom(...kinds), words).map(([s, kind, caption]) => b.mediaMessage(kind, { ...s, caption })),
  fc.tuple(sender, fc.double({ noNaN: true, noDefaultInfinity: true })).map(([s, x]) => b.locationMessage({ ...s, latitude: x, longitude: -x })),
  sender.map((s) => b.contactsMessage(s)),
  fc.tuple(sender, fc.constantFrom<string | null>('👍', '', null)).map(([s, emoji]) => b.reactionMessage({ ...s, messageId: 'wamid.X', emoji })),
  sender.map((s) => b.unsupportedMessage(s)),
  fc.constantFrom('sent', 'delivered', 'read', 'failed').map((status) => b.statusUpdate({ status, errors: [{ code: 131026, title: 'x' }] })),
);
export const body = fc
  .array(fc.array(part, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 })
  .map((entries) => JSON.parse(b.toWire(b.batchBody(...entries))) as b.Json);

export type Mutation = { at: number; op: 'delete' | 'retype' | 'replace'; value: b.Json };
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete', 'retype', 'replace'),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<b.Json>,
});

type Slot = { parent: b.JsonObject | b.Json[]; key: string | number };
function slots(root: b.Json): Slot[] {
  const out: Slot[] = [];
  const stack: b.Json[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, child] of Object.entries(node)) {
      out.push({ parent: node, key: Array.isArray(node) ? Number(key) : key });
      stack.push(child);
    }
  }
  return out;
}

const retype = (v: b.Json): b.Json =>
  typeof v === 'string' ? (Number(v) || [v]) : typeof v === 'number' ? String(v) : Array.isArray(v) ? { ...v } : v === null ? {} : typeof v === 'object' ? Object.values(v) : String(v);

export function mutate(root: b.Json, { at, op, value }: Mutation): void {
  const all = slots(root);
  const slot = all[at % Math.max(all.length, 1)];
  if (slot === undefined) return;
  const { parent, key } = slot;
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (op === 'delete') parent.splice(i, 1);
    else parent[i] = op === 'retype' ? retype(parent[i] ?? null) : value;
  } else if (op === 'delete') delete parent[key];
  else parent[key] = op === 'retype' ? retype(parent[key] ?? null) : value;
}

