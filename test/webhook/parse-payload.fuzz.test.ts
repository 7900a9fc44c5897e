import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { MediaKind, ParsedWebhook } from '../../src/domain/inbound.js';
import { parseWebhookPayload } from '../../src/webhook/parse-payload.js';
import * as b from '../builders/payloads.js';

// Start from valid builder payloads, break them at random, and check the parser stays total and honest.

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
const body = fc
  .array(fc.array(part, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 })
  .map((entries) => JSON.parse(b.toWire(b.batchBody(...entries))) as b.Json);

type Mutation = { at: number; op: 'delete' | 'retype' | 'replace'; value: b.Json };
const mutation: fc.Arbitrary<Mutation> = fc.record({
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

function mutate(root: b.Json, { at, op, value }: Mutation): void {
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

/** What is wrong with a result (one `expect` per run keeps thousands of runs fast). */
function defects(parsed: ParsedWebhook): string[] {
  const out: string[] = [];
  if (!Number.isInteger(parsed.unknown) || parsed.unknown < 0) out.push(`unknown=${parsed.unknown}`);
  for (const m of parsed.messages) {
    if (m.wamid === '' || m.user.id === '' || m.phoneNumberId === '') out.push(`empty id in ${m.wamid}`);
    if (m.user.id !== (m.user.bsuid ?? m.user.phone)) out.push(`user ${m.user.id} is neither bsuid nor phone`);
    if (!Number.isFinite(m.timestamp)) out.push(`timestamp ${m.timestamp}`);
  }
  for (const s of parsed.statuses) if (s.wamid === '' || s.status === '' || s.phoneNumberId === '') out.push(`bad status ${s.wamid}`);
  return out;
}

/** Every `messages[]` / `statuses[]` item of a built body. */
function updates(root: b.Json): b.Json[] {
  const entries = (root as b.WebhookBody).entry;
  return entries.flatMap((e) => e.changes).flatMap(({ value }) => {
    const v = value as b.JsonObject;
    return [...((v['messages'] as b.Json[] | undefined) ?? []), ...((v['statuses'] as b.Json[] | undefined) ?? [])];
  });
}
/** Graphemes, plus what JSON and Meta's escaping treat specially (a lone surrogate, U+2028, `/`, quotes, NUL). */
const tricky = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom('/', '\\', '"', '\u2028', '\ud83d', '\u0000', '😮'));
const wamids = (p: ParsedWebhook) => [...p.messages, ...p.statuses].map((u) => u.wamid);

describe('parseWebhookPayload under fuzzing', () => {
  it('never throws on mutated payloads, and what it returns is well-formed', () => {
    fc.assert(
      fc.property(body, fc.array(mutation, { minLength: 1, maxLength: 4 }), (root, mutations) => {
        const before = updates(root).length;
        for (const m of mutations) mutate(root, m);
        const parsed = parseWebhookPayload(root);
        const found = parsed.messages.length + parsed.statuses.length;
        expect([...defects(parsed), ...(found > before ? [`${found} updates out of ${before}`] : [])]).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts one broken update once and keeps all its neighbours', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (root, pick, mutations) => {
        const items = updates(root);
        const baseline = parseWebhookPayload(root);
        const target = items[pick % items.length] as b.JsonObject;
        const targetWamid = target['id'];
        for (const m of mutations) mutate(target, m);
        const parsed = parseWebhookPayload(root);
        const survivors = new Set(wamids(parsed));
        const lost = wamids(baseline).filter((wamid) => wamid !== targetWamid && !survivors.has(wamid));
        expect({ defects: defects(parsed), lost, total: parsed.messages.length + parsed.statuses.length + parsed.unknown })
          .toEqual({ defects: [], lost: [], total: items.length });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => expect(defects(parseWebhookPayload(value))).toEqual([])),
      { numRuns: 1500 },
    );
  });

  it('keeps any text body verbatim through the escaped wire form', () => {
    fc.assert(
      fc.property(fc.string({ unit: tricky, maxLength: 60 }), (body) => {
        const raw = b.toWire(b.webhookBody(b.textMessage({ body })));
        expect(/[^\x20-\x7e]/.test(raw)).toBe(false);
        expect(parseWebhookPayload(JSON.parse(raw)).messages[0]?.content).toEqual({ type: 'text', body });
      }),
      { numRuns: 500 },
    );
  });
});
