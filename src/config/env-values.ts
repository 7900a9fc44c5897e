import { z } from 'zod';

/**
 * The kinds of value an environment variable can hold, shared by every part of the configuration schema.
 * Each refusal message completes the variable's name: `PORT` + ` must be a number`.
 */

/** A string, or `undefined` when unset or blank. */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

/** A whole number within `[min, max]`, `fallback` when unset. */
export const integer = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

/** An http(s) base URL, without its trailing slash so paths can be appended. */
export const httpUrl = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ''));
