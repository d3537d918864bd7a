/** The p-th percentile (0–100) of sorted values, nearest-rank method. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type LoadSummary = { requests: number; requestsPerSecond: number; p50: number; p99: number };

/** Throughput and latency percentiles of a fixed number of requests that took elapsedMs in total. */
export function summarizeLatencies(latenciesMs: ArrayLike<number>, elapsedMs: number): LoadSummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  return {
    requests: sorted.length,
    requestsPerSecond: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : Number.NaN,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/** The median of a few measurements (startup times). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
