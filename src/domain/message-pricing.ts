/**
 * What Meta says a message we sent costs: the `pricing` object of its status webhooks (`statuses[].pricing`), as
 * read by the webhook parser. Since 2026-10-01 service messages are billed per message too.
 */

/** Meta's pricing categories; any other value is counted as `other`, so that one payload cannot mint metric series. */
export const PRICING_CATEGORIES = [
  'service',
  'utility',
  'marketing',
  'marketing_lite',
  'authentication',
  'authentication_international',
  'referral_conversion',
] as const;

export type PricingCategory = (typeof PRICING_CATEGORIES)[number] | 'other';

/** Whether Meta bills the message: `unknown` when the status said neither `billable` nor a known `type`. */
export type Billable = 'yes' | 'no' | 'unknown';

/** One status's `pricing`, normalized. */
export interface StatusPricing {
  readonly category: PricingCategory;
  readonly billable: Billable;
  /** `PMP` (per message, since 2025-07-01), `CBP` before; kept for logs. */
  readonly pricingModel?: string;
}

/**
 * The category label of `category`: itself when Meta documents it, else `other`.
 *
 * @example
 * pricingCategory('utility') // 'utility'
 * pricingCategory('x'.repeat(60)) // 'other'
 */
export function pricingCategory(category: string): PricingCategory {
  const lower = category.toLowerCase();
  return (PRICING_CATEGORIES as readonly string[]).includes(lower) ? (lower as PricingCategory) : 'other';
}
