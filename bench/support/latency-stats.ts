/** Nearest-rank percentile of samples sorted ascending (NaN for none): the smallest sample ≥ p % of them. */
export const nearestRank = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Count, P50/P95/P99 and maximum of latency samples in any order (the input is not changed). */
export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const list = Array.from(sorted);
  return {
    count: list.length,
    p50: nearestRank(list, 50),
    p95: nearestRank(list, 95),
    p99: nearestRank(list, 99),
    max: list.length === 0 ? Number.NaN : list[list.length - 1]!,
  };
}
