/** Nearest-rank percentiles over timing samples (milliseconds). */

/** The p-th percentile (0 < p ≤ 100) of `samples` by the nearest-rank method; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1] as number;
}

export interface Summary {
  samples: number;
  p50: number;
  p95: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { samples: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
