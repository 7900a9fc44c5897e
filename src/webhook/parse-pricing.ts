import { z } from 'zod';
import { type Billable, type StatusPricing, pricingCategory } from '../domain/message-pricing.js';

/**
 * `statuses[].pricing` as Meta documents it (shared/reference/whatsapp-cloud-api.md §2.3):
 * `{ "billable": true, "pricing_model": "PMP", "type": "regular", "category": "marketing" }`. `billable` is being
 * deprecated, so it may be missing; `type` (`regular | free_customer_service | free_entry_point`) then says it.
 */
const pricingSchema = z.object({
  billable: z.boolean().optional(),
  pricing_model: z.string().max(32).optional(),
  type: z.string().max(64).optional(),
  category: z.string().min(1).max(64),
});

/** `type` values that say whether Meta bills the message. */
const BILLED_BY_TYPE: Readonly<Record<string, Billable>> = { regular: 'yes', free_customer_service: 'no', free_entry_point: 'no' };

/** What a status's `pricing` field held: absent, a pricing, or a value of another shape (counted, ignored). */
export type PricingField = { readonly kind: 'absent' } | { readonly kind: 'pricing'; readonly pricing: StatusPricing } | { readonly kind: 'invalid' };

/**
 * Reads a status's `pricing` field.
 *
 * @example
 * parsePricing({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' })
 * // { kind: 'pricing', pricing: { category: 'utility', billable: 'yes', pricingModel: 'PMP' } }
 */
export function parsePricing(raw: unknown): PricingField {
  if (raw === undefined) return { kind: 'absent' };
  const parsed = pricingSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid' };
  const { billable, pricing_model: pricingModel, type, category } = parsed.data;
  const billed: Billable = billable === undefined ? (type === undefined ? undefined : BILLED_BY_TYPE[type]) ?? 'unknown' : billable ? 'yes' : 'no';
  return { kind: 'pricing', pricing: { category: pricingCategory(category), billable: billed, ...(pricingModel === undefined ? {} : { pricingModel }) } };
}
