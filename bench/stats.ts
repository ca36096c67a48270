export interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles: with 30 samples, p95 is the 29th, never an interpolated value. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1]! };
}
