import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ParsedWebhook } from '../../src/domain/inbound.js';
import { parseWebhookPayload } from '../../src/webhook/parse-payload.js';
import * as b from '../builders/payloads.js';
import { body, mutate, mutation } from '../builders/arbitrary-payloads.js';

// Start from valid builder payloads, break them at random, and check the parser stays total and honest.

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
