/** Pure geometry of the timeline: bar heights per metric, and pointer positions to buckets and ranges. */
import type { TimelineBucket, TimelineMetric, TimelineResponse } from '../../../../contract/timeline.ts';

export interface BarSegment {
  kind: 'success' | 'warning' | 'error' | 'value';
  /** 0..1 of the chart height, from the bottom. */
  y0: number;
  y1: number;
}

export const requestsIn = (b: TimelineBucket) => b.success + b.warning + b.error;

export function metricValue(bucket: TimelineBucket, metric: TimelineMetric): number {
  if (metric === 'cost') return bucket.cost;
  if (metric === 'latency') return bucket.p95LatencyMs ?? 0;
  return requestsIn(bucket);
}

export function maxValue(buckets: readonly TimelineBucket[], metric: TimelineMetric): number {
  return buckets.reduce((max, b) => Math.max(max, metricValue(b, metric)), 0);
}

/** Stacked by status for volume (success at the bottom); one bar for cost and p95 latency. */
export function segmentsOf(bucket: TimelineBucket, metric: TimelineMetric, max: number): BarSegment[] {
  if (max <= 0) return [];
  if (metric !== 'volume') {
    const value = metricValue(bucket, metric);
    return value > 0 ? [{ kind: 'value', y0: 0, y1: value / max }] : [];
  }
  const out: BarSegment[] = [];
  let y = 0;
  for (const kind of ['success', 'warning', 'error'] as const) {
    const n = bucket[kind];
    if (n > 0) {
      out.push({ kind, y0: y / max, y1: (y + n) / max });
      y += n;
    }
  }
  return out;
}

/** The bucket under a horizontal fraction (0..1) of the chart. */
export function bucketIndexAt(fraction: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.floor(fraction * count)));
}

/** The time range covered by the buckets between two fractions, clipped to the drawn range. */
export function rangeBetween(
  timeline: Pick<TimelineResponse, 'buckets' | 'bucketMs' | 'from' | 'to'>,
  a: number,
  b: number,
): { from: number; to: number } | null {
  const count = timeline.buckets.length;
  if (count === 0 || timeline.from === null || timeline.to === null) return null;
  const first = timeline.buckets[bucketIndexAt(Math.min(a, b), count)];
  const last = timeline.buckets[bucketIndexAt(Math.max(a, b), count)];
  if (!first || !last) return null;
  return {
    from: Math.max(first.t, timeline.from),
    to: Math.min(last.t + timeline.bucketMs, timeline.to),
  };
}

const UNITS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
];

/** "1 hour", "5 minutes", "7 days" */
export function describeBucket(ms: number): string {
  const [size, unit] = UNITS.find(([size]) => ms % size === 0) ?? [60_000, 'minute'];
  const n = ms / size;
  return n === 1 ? `1 ${unit}` : `${n} ${unit}s`;
}

/** The chart as one sentence, for screen readers: totals and the busiest bucket. */
export function describeTimeline(timeline: Pick<TimelineResponse, 'buckets' | 'bucketMs'>): string {
  const sum = (key: 'success' | 'warning' | 'error') => timeline.buckets.reduce((n, b) => n + b[key], 0);
  const busiest = timeline.buckets.reduce<TimelineBucket | null>(
    (best, b) => (best === null || requestsIn(b) > requestsIn(best) ? b : best),
    null,
  );
  const peak =
    busiest && requestsIn(busiest) > 0
      ? `; busiest ${describeBucket(timeline.bucketMs)} starts ${new Date(busiest.t).toISOString()} with ${requestsIn(busiest)}`
      : '';
  return `Requests per ${describeBucket(timeline.bucketMs)}: ${sum('success')} success, ${sum('warning')} warning, ${sum('error')} error${peak}`;
}
