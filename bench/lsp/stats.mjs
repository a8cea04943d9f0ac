// @ts-check
/** Summaries of latency samples. Percentiles use the nearest-rank method on sorted samples. */

/**
 * @param {readonly number[]} samples
 * @param {number} p between 0 and 100
 */
export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** @param {readonly number[]} samples */
export function median(samples) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * @param {readonly number[]} samples
 * @returns {{ n: number, p50: number, p95: number, max: number }}
 */
export function latencySummary(samples) {
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.length === 0 ? NaN : Math.max(...samples) };
}
