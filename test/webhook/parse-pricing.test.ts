import { describe, expect, it } from '@jest/globals';
import { parseWebhookPayload } from '../../src/webhook/parse-payload.js';
import { parsePricing } from '../../src/webhook/parse-pricing.js';
import { statusUpdate, webhookBody, type JsonObject } from '../builders/payloads.js';

// `statuses[].pricing` as the reference shows it (shared/reference/whatsapp-cloud-api.md §2.3).
describe('parsePricing', () => {
  it.each<[unknown, ReturnType<typeof parsePricing>]>([
    [{ billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }, { kind: 'pricing', pricing: { category: 'marketing', billable: 'yes', pricingModel: 'PMP' } }],
    [{ billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' }, { kind: 'pricing', pricing: { category: 'service', billable: 'no', pricingModel: 'PMP' } }],
    // `billable` is being deprecated: `type` then says whether the message is billed.
    [{ pricing_model: 'PMP', type: 'regular', category: 'utility' }, { kind: 'pricing', pricing: { category: 'utility', billable: 'yes', pricingModel: 'PMP' } }],
    [{ pricing_model: 'PMP', type: 'free_entry_point', category: 'service' }, { kind: 'pricing', pricing: { category: 'service', billable: 'no', pricingModel: 'PMP' } }],
    [{ category: 'SERVICE' }, { kind: 'pricing', pricing: { category: 'service', billable: 'unknown' } }],
    // A category Meta does not document is one label, not a new metric series per payload.
    [{ billable: true, category: 'x'.repeat(60) }, { kind: 'pricing', pricing: { category: 'other', billable: 'yes' } }],
    [undefined, { kind: 'absent' }],
    [{ billable: 'yes', category: 'service' }, { kind: 'invalid' }],
    [{ billable: true }, { kind: 'invalid' }],
    ['service', { kind: 'invalid' }],
  ])('reads %j', (raw, expected) => {
    expect(parsePricing(raw)).toEqual(expected);
  });

  it('keeps a status whose pricing has another shape, and counts that pricing apart', () => {
    const strange: JsonObject = { category: ['service'] };
    const parsed = parseWebhookPayload(webhookBody(statusUpdate({ wamid: 'wamid.S1', status: 'sent', pricing: strange }), statusUpdate({ wamid: 'wamid.S2', status: 'sent' })));
    expect(parsed.statuses.map((status) => [status.wamid, status.pricing])).toEqual([
      ['wamid.S1', undefined],
      ['wamid.S2', { category: 'service', billable: 'yes', pricingModel: 'PMP' }],
    ]);
    expect(parsed).toMatchObject({ unknown: 0, unknownPricing: 1 });
  });
});
