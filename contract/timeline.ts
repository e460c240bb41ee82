/**
 * GET /api/requests/timeline?<filter>&metric=volume|cost|latency — the shape of the current view
 * over time: requests per bucket stacked by status, their cost, and (metric=latency) the p95
 * latency per bucket. The filter parameters are the list's (contract/filter-query.ts).
 */
import { z } from 'zod';
import type { RequestFilter } from './api.ts';
import { type ParseResult, parseFilterParams, repeatedScalarIssues } from './filter-query.ts';

export const TIMELINE_METRICS = ['volume', 'cost', 'latency'] as const;
export const timelineMetricSchema = z.enum(TIMELINE_METRICS);
export type TimelineMetric = z.infer<typeof timelineMetricSchema>;

export interface TimelineQuery {
  filter: RequestFilter;
  metric: TimelineMetric;
}

export const timelineBucketSchema = z.object({
  /** Bucket start, epoch ms (UTC-aligned to the bucket size). */
  t: z.number().int(),
  success: z.number().int(),
  warning: z.number().int(),
  error: z.number().int(),
  /** USD. */
  cost: z.number(),
  /** metric=latency only: estimated p95 latency of the bucket's requests; null when it has none. */
  p95LatencyMs: z.number().nullable().optional(),
});
export type TimelineBucket = z.infer<typeof timelineBucketSchema>;

export const timelineResponseSchema = z.object({
  /** Bucket width in ms (one minute to seven days, chosen for the range). */
  bucketMs: z.number().int(),
  /** The range drawn, [from, to) in epoch ms; null when there are no requests at all. */
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  /** Every bucket of the range, oldest first, empty ones included. */
  buckets: z.array(timelineBucketSchema),
  /** rollup: counters kept at ingest; scan: the matching rows were read (filters the rollup cannot answer). */
  source: z.enum(['rollup', 'scan']),
  /** Set when a scan stopped at its row cap: requests older than this (epoch ms) are not counted. */
  truncatedBeforeMs: z.number().int().nullable(),
});
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;

export function parseTimelineParams(params: URLSearchParams): ParseResult<TimelineQuery> {
  const repeated = repeatedScalarIssues(params, ['metric']);
  if (repeated.length > 0) return { ok: false, issues: repeated };
  const metric = timelineMetricSchema.safeParse(params.get('metric') ?? 'volume');
  if (!metric.success) {
    return {
      ok: false,
      issues: [{ param: 'metric', message: `expected one of ${TIMELINE_METRICS.join(', ')}` }],
    };
  }
  const filter = parseFilterParams(params);
  if (!filter.ok) return filter;
  return { ok: true, value: { filter: filter.value, metric: metric.data } };
}
