/** One line of the benchmark table. Times in milliseconds over `samples` repetitions. */
export interface BenchResult {
  section: string;
  name: string;
  samples: number;
  p50: number;
  p95: number;
  /** The same work without Promptlog in the way (e.g. the raw SQL), measured in the same run. */
  floorP50?: number;
  floorP95?: number;
  /** The budget this figure is held to, e.g. "p95 ≤ 20 ms". */
  budget?: string;
  /** A single figure that is not a latency (server RSS in MB, database size in KB per 1,000 requests, req/s), for the cost-growth table. */
  value?: number;
  unit?: string;
  /** Free text: throughput, RSS, errors. */
  note?: string;
}

/** What a browser benchmark gets: a running server on the benchmark database and its key. */
export interface BrowserBenchContext {
  baseUrl: string;
  apiKey: string;
  chromiumPath: string | undefined;
}

export type BrowserBench = (ctx: BrowserBenchContext) => Promise<BenchResult[]>;
