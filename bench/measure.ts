/** What one contestant achieved on one shape in one run: throughput, latency and whether anything failed. */
export interface Measurement {
  /** Successful answers per second. */
  rps: number;
  /** Latency percentiles of successful answers, in milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  /** Failed answers: HTTP errors, transport errors, timeouts, GraphQL errors, Cypher errors. */
  errors: number;
  /** What the first failed answer said, so a count of errors comes with a cause. */
  firstError?: string;
  seconds: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

/** The q-quantile (0..1) of values, by nearest rank; NaN for none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return Number.NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(latencies: number[], errors: number, seconds: number, firstError?: string): Measurement {
  return {
    ...(firstError ? { firstError } : {}),
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    requests: latencies.length,
    errors,
    seconds,
  };
}

/** Several rounds of one contestant on one shape as one figure: the median of each number over the rounds. */
export function combine(runs: Measurement[]): Measurement {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    ...(runs.some((r) => r.firstError) ? { firstError: runs.find((r) => r.firstError)!.firstError } : {}),
    seconds: runs.reduce((sum, r) => sum + r.seconds, 0),
  };
}

/** A measurement as the progress lines print it, with the first failure's cause when anything failed. */
export function describeMeasurement(m: Measurement): string {
  const failed = m.errors ? `, ${m.errors} ERRORS${m.firstError ? ` (first: ${m.firstError})` : ''}` : '';
  return `${m.rps.toFixed(0)} req/s, p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms${failed}`;
}
