/**
 * The timeline (contract/timeline.ts) as reads both stores run: hourly rollups kept at ingest
 * by triggers (timeline_rollup: requests and cost per hour × status × provider × model × prompt;
 * timeline_latency: the same keys × a latency bin) answer the time range's whole hours when the
 * filter only names those dimensions; the partial hours at its edges, minute-sized buckets and
 * every other filter (q, tags, metadata, scores, traces) read the matching rows instead, newest
 * first and capped (TIMELINE_LIMITS.scanRows).
 */
import type { RequestFilter } from '../../../contract/api.ts';
import { TIMELINE_LIMITS } from '../../../contract/limits.ts';
import type { TimelineBucket, TimelineMetric, TimelineResponse } from '../../../contract/timeline.ts';
import type { Dialect } from './dialect.ts';
import { and, raw, type Sql, sql } from './fragment.ts';
import { hasNarrowingFilter } from './narrowing-filter.ts';
import { hasRicherFilter } from './richer-filter.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const FIXED_SIZES = [
  MINUTE_MS,
  5 * MINUTE_MS,
  15 * MINUTE_MS,
  HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  7 * DAY_MS,
];

/** The smallest bucket that draws [from, to) in at most TIMELINE_LIMITS.maxBuckets buckets; whole days past a week. */
export function bucketSizeFor(spanMs: number): number {
  const wanted = Math.max(1, spanMs) / TIMELINE_LIMITS.maxBuckets;
  const fixed = FIXED_SIZES.find((size) => size >= wanted);
  return fixed ?? Math.ceil(wanted / DAY_MS) * DAY_MS;
}

/** Upper bounds (exclusive, ms) of the latency bins: 25 ms × √2ⁿ, up to about 72 s; the last bin is open. */
export const LATENCY_BOUNDS: readonly number[] = Array.from({ length: 23 }, (_, i) =>
  Math.round(25 * Math.SQRT2 ** i),
);

export function latencyBin(latencyMs: number): number {
  const index = LATENCY_BOUNDS.findIndex((bound) => latencyMs < bound);
  return index === -1 ? LATENCY_BOUNDS.length : index;
}

/** The bin of a latency expression, as SQL both stores accept. */
export function latencyBinSql(expr: string): string {
  const whens = LATENCY_BOUNDS.map((bound, i) => `WHEN ${expr} < ${bound} THEN ${i}`).join(' ');
  return `CASE ${whens} ELSE ${LATENCY_BOUNDS.length} END`;
}

/** The 95th percentile from bin counts: linear inside the bin that holds it. */
export function p95FromBins(bins: readonly number[]): number | null {
  const total = bins.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = 0.95 * total;
  let seen = 0;
  for (let i = 0; i < bins.length; i++) {
    const n = bins[i] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : (LATENCY_BOUNDS[i - 1] ?? 0);
      const upper = LATENCY_BOUNDS[i] ?? lower * Math.SQRT2;
      return Math.round(lower + ((rank - seen) / n) * (upper - lower));
    }
    seen += n;
  }
  return null;
}

/** The per-dimension rollups (timeline_dims): every request counts once under each. */
export const DIMENSIONS = ['all', 'model', 'provider', 'prompt'] as const;

/** The rollups know status, provider, model and prompt; any other narrowing needs the rows. */
export function rollupAnswers(filter: RequestFilter): boolean {
  return (
    !hasNarrowingFilter(filter) &&
    !hasRicherFilter(filter) &&
    filter.tags.length === 0 &&
    filter.metadata.length === 0 &&
    filter.scores.length === 0 &&
    !filter.q?.trim() &&
    (filter.traceIds ?? []).length === 0
  );
}

/** One read of a plan; every read returns rows (t, status, lb, n, cost, oldest). */
export interface TimelineRead {
  sql: Sql;
  /** Its n and cost count requests (a latency rollup read only adds bins). */
  counts: boolean;
  /** Its lb column is a latency bin (otherwise -1). */
  bins: boolean;
  /** A capped scan: reaching the cap means older rows were left out. */
  capped: boolean;
}

export interface TimelinePlan {
  bucketMs: number;
  from: number;
  to: number;
  source: TimelineResponse['source'];
  reads: TimelineRead[];
}

export type TimelineRow = Partial<Record<'t' | 'status' | 'lb' | 'n' | 'cost' | 'oldest', unknown>>;

/**
 * Where the rollup rows for the filter are: one dimension's own rows (none named: `all`) when at
 * most one of model / provider / prompt is filtered, the cross rollup otherwise.
 */
function rollupSource(dialect: Dialect, filter: RequestFilter, lo: number, hi: number) {
  const parts: Sql[] = [];
  const named: (readonly [(typeof DIMENSIONS)[number], string, readonly string[]])[] = (
    [
      ['model', 'model', filter.models],
      ['provider', 'provider', filter.providers],
      ['prompt', 'prompt', filter.promptNames],
    ] as const
  ).filter(([, , values]) => values.length > 0);
  const only = named.length === 1 ? named[0] : undefined;
  if (named.length === 0 || only) {
    const [kind, , values] = only ?? ['all', '', ['']];
    parts.push(sql`kind = ${kind}`, dialect.inList(raw('value'), [...new Set(values)]));
  } else {
    for (const [, column, values] of named) parts.push(dialect.inList(raw(column), [...new Set(values)]));
  }
  parts.push(sql`bucket_ms >= ${lo}`, sql`bucket_ms < ${hi}`);
  if (filter.statuses.length > 0) parts.push(dialect.inList(raw('status'), [...new Set(filter.statuses)]));
  const dims = named.length <= 1;
  return {
    where: and(parts),
    counts: raw(dims ? 'timeline_dims' : 'timeline_rollup'),
    bins: raw(dims ? 'timeline_dim_latency' : 'timeline_latency'),
  };
}

function bucketExpr(column: string, bucketMs: number): Sql {
  return raw(`(${column} / ${bucketMs}) * ${bucketMs}`);
}

function rollupReads(
  dialect: Dialect,
  filter: RequestFilter,
  lo: number,
  hi: number,
  bucketMs: number,
  metric: TimelineMetric,
): TimelineRead[] {
  const { where, counts, bins } = rollupSource(dialect, filter, lo, hi);
  const t = bucketExpr('bucket_ms', bucketMs);
  const reads: TimelineRead[] = [
    {
      sql: sql`SELECT ${t} AS t, status, -1 AS lb, sum(n) AS n, sum(cost) AS cost, NULL AS oldest
        FROM ${counts} WHERE ${where} GROUP BY 1, 2`,
      counts: true,
      bins: false,
      capped: false,
    },
  ];
  if (metric === 'latency') {
    reads.push({
      sql: sql`SELECT ${t} AS t, status, lb, sum(n) AS n, 0 AS cost, NULL AS oldest
        FROM ${bins} WHERE ${where} GROUP BY 1, 2, 3`,
      counts: false,
      bins: true,
      capped: false,
    });
  }
  return reads;
}

function scanRead(where: Sql, bucketMs: number, metric: TimelineMetric): TimelineRead {
  const lb = raw(metric === 'latency' ? latencyBinSql('s.latency_ms') : '-1');
  return {
    sql: sql`SELECT ${bucketExpr('s.start_ms', bucketMs)} AS t, s.status AS status, ${lb} AS lb,
        count(*) AS n, sum(s.price) AS cost, min(s.start_ms) AS oldest
      FROM (SELECT r.start_ms, r.status, r.price, r.latency_ms FROM requests r WHERE ${where}
        ORDER BY r.start_ms DESC LIMIT ${TIMELINE_LIMITS.scanRows}) s
      GROUP BY 1, 2, 3`,
    counts: true,
    bins: metric === 'latency',
    capped: true,
  };
}

/**
 * The reads for `filter` over [from, to). `where` compiles a filter to the store's predicate over
 * `requests r` (each store has its own planner for it).
 */
export function planTimeline(
  dialect: Dialect,
  filter: RequestFilter,
  metric: TimelineMetric,
  range: { from: number; to: number },
  where: (filter: RequestFilter) => Sql,
): TimelinePlan {
  const { from, to } = range;
  const bucketMs = bucketSizeFor(to - from);
  const scan = (lo: number, hi: number) => scanRead(where({ ...filter, from: lo, to: hi }), bucketMs, metric);
  const lo = Math.ceil(from / HOUR_MS) * HOUR_MS;
  const hi = Math.floor(to / HOUR_MS) * HOUR_MS;
  if (bucketMs < HOUR_MS || !rollupAnswers(filter) || lo >= hi) {
    return { bucketMs, from, to, source: 'scan', reads: [scan(from, to)] };
  }
  const reads = rollupReads(dialect, filter, lo, hi, bucketMs, metric);
  if (from < lo) reads.push(scan(from, lo));
  if (hi < to) reads.push(scan(hi, to));
  return { bucketMs, from, to, source: 'rollup', reads };
}

const STATUS_KEYS = { SUCCESS: 'success', WARNING: 'warning', ERROR: 'error' } as const;

/** The plan's rows as the response: every bucket of the range, oldest first. */
export function assembleTimeline(
  plan: TimelinePlan,
  results: TimelineRow[][],
  metric: TimelineMetric,
): TimelineResponse {
  const { bucketMs, from, to } = plan;
  const buckets = new Map<number, TimelineBucket>();
  const bins = new Map<number, number[]>();
  for (let t = Math.floor(from / bucketMs) * bucketMs; t < to; t += bucketMs) {
    buckets.set(t, { t, success: 0, warning: 0, error: 0, cost: 0 });
    if (metric === 'latency') bins.set(t, new Array(LATENCY_BOUNDS.length + 1).fill(0));
  }
  let truncatedBeforeMs: number | null = null;
  plan.reads.forEach((read, i) => {
    const rows = results[i] ?? [];
    let scanned = 0;
    let oldest = Number.POSITIVE_INFINITY;
    for (const row of rows) {
      const bucket = buckets.get(Number(row.t));
      const n = Number(row.n);
      if (!bucket) continue;
      if (read.counts) {
        const key = STATUS_KEYS[String(row.status) as keyof typeof STATUS_KEYS];
        if (key) bucket[key] += n;
        bucket.cost += Number(row.cost ?? 0);
      }
      if (read.bins) {
        const binCounts = bins.get(bucket.t);
        const lb = Number(row.lb);
        if (binCounts && lb >= 0) binCounts[lb] = (binCounts[lb] ?? 0) + n;
      }
      scanned += n;
      if (row.oldest !== null && row.oldest !== undefined) oldest = Math.min(oldest, Number(row.oldest));
    }
    if (read.capped && scanned >= TIMELINE_LIMITS.scanRows) {
      truncatedBeforeMs = truncatedBeforeMs === null ? oldest : Math.max(truncatedBeforeMs, oldest);
    }
  });
  const out = [...buckets.values()].map((bucket) =>
    metric === 'latency' ? { ...bucket, p95LatencyMs: p95FromBins(bins.get(bucket.t) ?? []) } : bucket,
  );
  return { bucketMs, from, to, buckets: out, source: plan.source, truncatedBeforeMs };
}

/** The drawn range: the filter's bounds, else from the first rollup hour to now (or the last hour, if later). */
export function timelineRange(
  filter: RequestFilter,
  data: { firstHour: number | null; lastHour: number | null },
  now: number,
): { from: number; to: number } {
  const to = filter.to ?? Math.max(now, (data.lastHour ?? now) + HOUR_MS);
  const from = filter.from ?? data.firstHour ?? to - DAY_MS;
  return { from, to: Math.max(to, from + MINUTE_MS) };
}

export const ROLLUP_BOUNDS_SQL =
  'SELECT min(bucket_ms) AS lo, max(bucket_ms) AS hi FROM timeline_rollup WHERE n > 0';

export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** The plan for a query once the rollup bounds are read (both stores and the bench floors). */
export function planTimelineQuery(
  dialect: Dialect,
  query: { filter: RequestFilter; metric: TimelineMetric },
  bounds: Partial<Record<'lo' | 'hi', unknown>> | undefined,
  now: number,
  where: (filter: RequestFilter) => Sql,
): TimelinePlan {
  const range = timelineRange(
    query.filter,
    { firstHour: numberOrNull(bounds?.lo), lastHour: numberOrNull(bounds?.hi) },
    now,
  );
  return planTimeline(dialect, query.filter, query.metric, range, where);
}
