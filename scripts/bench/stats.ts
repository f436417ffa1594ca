/** Latency figures of one measured thing, in milliseconds, and its throughput. */
export interface Figures {
  p50: number;
  p95: number;
  /** Requests (HTTP) or queries (SQL) per second. */
  perSecond: number;
  count: number;
}

/** The nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function latencyFigures(samples: number[], seconds: number): Figures {
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    perSecond: seconds > 0 ? samples.length / seconds : NaN,
    count: samples.length,
  };
}

export const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
