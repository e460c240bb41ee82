/**
 * Timeline reads (issue #13): GET /api/requests/timeline over ranges up to 30 days, unfiltered,
 * one facet, several facets, filters only a scan answers, and q. Budgets (p95, 1,000,000 rows):
 * unfiltered or one facet ≤ 50 ms, several filters ≤ 150 ms, q ≤ 400 ms.
 */
import { type RequestFilter, requestFilterSchema } from '../contract/api.ts';
import { filterToParams } from '../contract/filter-query.ts';
import type { TimelineMetric } from '../contract/timeline.ts';
import { METADATA_REGIONS } from '../server/seed/annotations.ts';
import type { Random } from '../server/seed/random.ts';
import { CITIES } from '../server/seed/vocabulary.ts';
import type { DataProfile, ReadCase, ReadVariant } from './read-variants.ts';

const ONE_FACET = 50;
const SEVERAL = 150;
const Q = 400;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOWS = [HOUR, 6 * HOUR, DAY, 7 * DAY, 30 * DAY];

function timelineCase(partial: Partial<RequestFilter>, metric: TimelineMetric = 'volume'): ReadCase {
  const filter = requestFilterSchema.parse(partial);
  const params = filterToParams(filter);
  if (metric !== 'volume') params.set('metric', metric);
  return { path: `/api/requests/timeline?${params}`, floor: { kind: 'timeline', query: { filter, metric } } };
}

export function timelineVariants(profile: DataProfile): ReadVariant[] {
  const { facets } = profile;
  const pick = (random: Random, facet: { value: string }[]) => random.pick(facet.map((f) => f.value));
  const end = profile.lastMs + 1;
  const last30 = { from: end - 30 * DAY, to: end };
  /** Any window from an hour to 30 days, anywhere in the data. */
  const anyRange = (random: Random) => {
    const size = random.pick(WINDOWS);
    const from = profile.firstMs + Math.floor(random.next() * Math.max(end - profile.firstMs - size, 1));
    return { from, to: from + size };
  };
  return [
    { name: 'timeline: all, 30 days', budgetP95Ms: ONE_FACET, makeCase: () => timelineCase(last30) },
    { name: 'timeline: all, any range', budgetP95Ms: ONE_FACET, makeCase: (r) => timelineCase(anyRange(r)) },
    {
      name: 'timeline: model, any range',
      budgetP95Ms: ONE_FACET,
      makeCase: (r) => timelineCase({ ...anyRange(r), models: [pick(r, facets.models)] }),
    },
    {
      name: 'timeline: status, 30 days',
      budgetP95Ms: ONE_FACET,
      makeCase: (r) =>
        timelineCase({ ...last30, statuses: [r.pick(['SUCCESS', 'WARNING', 'ERROR'] as const)] }),
    },
    {
      name: 'timeline: tag, 30 days (scan)',
      budgetP95Ms: ONE_FACET,
      makeCase: (r) => timelineCase({ ...last30, tags: [pick(r, facets.tags)] }),
    },
    {
      name: 'timeline: p95 latency, 30 days',
      budgetP95Ms: ONE_FACET,
      makeCase: () => timelineCase(last30, 'latency'),
    },
    {
      name: 'timeline: model + status + prompt, any range',
      budgetP95Ms: SEVERAL,
      makeCase: (r) =>
        timelineCase({
          ...anyRange(r),
          models: [pick(r, facets.models)],
          statuses: ['SUCCESS', 'ERROR'],
          promptNames: [pick(r, facets.promptNames)],
        }),
    },
    {
      name: 'timeline: metadata + model, 7 days (scan)',
      budgetP95Ms: SEVERAL,
      makeCase: (r) =>
        timelineCase({
          from: end - 7 * DAY,
          to: end,
          models: [pick(r, facets.models)],
          metadata: [{ key: 'region', values: [r.pick(METADATA_REGIONS)] }],
        }),
    },
    {
      name: 'timeline: q, 30 days (scan)',
      budgetP95Ms: Q,
      makeCase: (r) => timelineCase({ ...last30, q: r.pick(CITIES) }),
    },
  ];
}
