/**
 * Latency and rate arithmetic for the bench, kept apart so every phase summarises its samples the same
 * way (nearest-rank percentiles, milliseconds rounded for the table).
 */

/** The summary of one set of latency samples, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * Nearest-rank percentiles of `samples` (milliseconds). An empty set gives zeros, so a failed phase
 * still prints.
 *
 * @example
 * summarize([1, 2, 3, 100]).p50 // 2
 */
export function summarize(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  if (n === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const at = (q: number): number => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] ?? 0;
  let sum = 0;
  for (const value of sorted) sum += value;
  return { count: n, p50: round(at(0.5)), p90: round(at(0.9)), p99: round(at(0.99)), max: round(sorted[n - 1] ?? 0), mean: round(sum / n) };
}

/** Events per second over a span in milliseconds. */
export function perSecond(count: number, spanMs: number): number {
  return spanMs > 0 ? Math.round((count * 1000) / spanMs) : 0;
}

/** Two decimals: enough for milliseconds on loopback. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
