/**
 * The read benchmark's variants. Each sample is one HTTP call and, for the floor, the same read
 * described for the store's own SQL builders. Filter values vary across samples.
 */
import {
  type FacetsResponse,
  type ListQuery,
  listQuerySchema,
  type RequestFilter,
  requestFilterSchema,
  type SortField,
  type SortOrder,
} from '../contract/api.ts';
import { filterToParams, listToParams } from '../contract/filter-query.ts';
import type { TimelineQuery } from '../contract/timeline.ts';
import { METADATA_REGIONS, USER_COUNT } from '../server/seed/annotations.ts';
import type { Random } from '../server/seed/random.ts';
import { CITIES, PRODUCTS, TOPICS } from '../server/seed/vocabulary.ts';
import type { SearchQuery, Store } from '../server/store/store.ts';
import { searchVariants } from './search-variants.ts';
import { timelineVariants } from './timeline-variants.ts';

export type FloorQuery =
  | { kind: 'list'; query: ListQuery }
  | { kind: 'count'; filter: RequestFilter }
  | { kind: 'detail'; id: number }
  | { kind: 'facets' }
  | { kind: 'metadataValues'; key: string; prefix: string; limit: number }
  /** A planned public search: the list page and the count behind it. */
  | { kind: 'search'; query: SearchQuery; list: ListQuery; count: RequestFilter }
  /** GET /api/requests/timeline: the rollup bounds, then the plan's reads (server/store/sql/timeline-plan.ts). */
  | { kind: 'timeline'; query: TimelineQuery }
  /** No SQL behind it: the row is an HTTP baseline. */
  | { kind: 'none' };

/** The same read through the Store interface (what the floor tests record the statements of). */
export function readThroughStore(store: Store, query: FloorQuery): Promise<unknown> {
  switch (query.kind) {
    case 'list':
      return store.listRequests(query.query);
    case 'count':
      return store.countRequests(query.filter);
    case 'detail':
      return store.getRequest(query.id);
    case 'facets':
      return store.facets();
    case 'metadataValues':
      return store.metadataValues(query.key, query.prefix, query.limit);
    case 'search':
      return store.search(query.query);
    case 'timeline':
      return store.timeline(query.query);
    case 'none':
      return Promise.resolve(null);
  }
}

export interface ReadCase {
  /** GET unless said. */
  method?: 'POST';
  path: string;
  body?: string;
  floor: FloorQuery;
}

export interface ReadVariant {
  name: string;
  /** p95 budget in ms at 1,000,000 rows on SQLite; none when the issues set no budget. */
  budgetP95Ms: number | undefined;
  makeCase(random: Random, sample: number): ReadCase;
}

/** What the variants draw their values from, read from the running server before timing. */
export interface DataProfile {
  facets: FacetsResponse;
  /** Highest request id. */
  newestId: number;
  /** Earliest and latest request start time, epoch ms. */
  firstMs: number;
  lastMs: number;
}

const LIST_BUDGET = 20;
const COMBINED_BUDGET = 40;
const Q_BUDGET = 100;
const DETAIL_BUDGET = 5;
/** Issue #14's budget for a 3-character substring, any script, at 10M. */
const SUBSTRING_BUDGET = 400;
const DAY = 24 * 60 * 60 * 1000;

export function listCase(
  partial: Partial<RequestFilter>,
  sort: SortField = 'time',
  order: SortOrder = 'desc',
  cursor?: string,
): ReadCase {
  const query = listQuerySchema.parse({ filter: requestFilterSchema.parse(partial), sort, order, cursor });
  const params = listToParams({
    filter: query.filter,
    sort,
    order,
    limit: query.limit,
    cursor: cursor ?? null,
  });
  return { path: `/api/requests?${params}`, floor: { kind: 'list', query } };
}

function countCase(partial: Partial<RequestFilter>): ReadCase {
  const filter = requestFilterSchema.parse(partial);
  return { path: `/api/requests/count?${filterToParams(filter)}`, floor: { kind: 'count', filter } };
}

const values = (facet: { value: string }[]): string[] => facet.map((f) => f.value);

export function readVariants(profile: DataProfile): ReadVariant[] {
  const { facets } = profile;
  const models = values(facets.models);
  const providers = values(facets.providers);
  const tags = values(facets.tags);
  const prompts = values(facets.promptNames);
  const scoreNames = values(facets.scoreNames);
  const span = profile.lastMs - profile.firstMs;
  const dayWindow = (random: Random) => {
    const from = profile.firstMs + Math.floor(random.next() * Math.max(span - DAY, 1));
    return { from, to: from + DAY };
  };
  const words = [
    ...CITIES,
    ...PRODUCTS.map((p) => p.split(' ')[0] ?? p),
    ...TOPICS.map((t) => t.split(' ')[0] ?? t),
  ];
  const userId = (random: Random) => `user_${1 + Math.floor(random.next() ** 3 * USER_COUNT)}`;

  const variants: ReadVariant[] = [
    {
      name: 'http baseline: GET /api/health',
      budgetP95Ms: undefined,
      makeCase: () => ({ path: '/api/health', floor: { kind: 'none' } }),
    },
    { name: 'list: default (time desc)', budgetP95Ms: LIST_BUDGET, makeCase: () => listCase({}) },
  ];
  const sorts: [SortField, SortOrder][] = [
    ['time', 'asc'],
    ['latency', 'desc'],
    ['latency', 'asc'],
    ['cost', 'desc'],
    ['cost', 'asc'],
    ['tokens', 'desc'],
    ['tokens', 'asc'],
  ];
  for (const [sort, order] of sorts) {
    variants.push({
      name: `list: sort ${sort} ${order}`,
      budgetP95Ms: LIST_BUDGET,
      makeCase: () => listCase({}, sort, order),
    });
  }
  variants.push(
    {
      name: 'list: model',
      budgetP95Ms: LIST_BUDGET,
      makeCase: (r) => listCase({ models: [r.pick(models)] }),
    },
    {
      name: 'list: provider',
      budgetP95Ms: LIST_BUDGET,
      makeCase: (r) => listCase({ providers: [r.pick(providers)] }),
    },
    {
      name: 'list: status',
      budgetP95Ms: LIST_BUDGET,
      makeCase: (r) => listCase({ statuses: [r.pick(['SUCCESS', 'WARNING', 'ERROR'] as const)] }),
    },
    { name: 'list: tag', budgetP95Ms: LIST_BUDGET, makeCase: (r) => listCase({ tags: [r.pick(tags)] }) },
    {
      name: 'list: prompt name',
      budgetP95Ms: LIST_BUDGET,
      makeCase: (r) => listCase({ promptNames: [r.pick(prompts)] }),
    },
    {
      name: 'list: metadata key=value',
      budgetP95Ms: LIST_BUDGET,
      makeCase(r) {
        const entry = r.pick([
          { key: 'user_id', values: [userId(r)] },
          { key: 'env', values: [r.pick(['production', 'staging', 'dev'])] },
          { key: 'region', values: [r.pick(METADATA_REGIONS)] },
          { key: 'customer_tier', values: [r.pick(['free', 'pro', 'enterprise'])] },
        ]);
        return listCase({ metadata: [entry] });
      },
    },
    {
      name: 'list: score min/max',
      budgetP95Ms: LIST_BUDGET,
      makeCase(r) {
        const min = r.int(0, 90);
        return listCase({
          scores: [{ name: r.pick(scoreNames), min, max: r.chance(0.5) ? min + 10 : undefined }],
        });
      },
    },
    { name: 'list: time range (1 day)', budgetP95Ms: LIST_BUDGET, makeCase: (r) => listCase(dayWindow(r)) },
    {
      name: 'list: metadata + model + time',
      budgetP95Ms: COMBINED_BUDGET,
      makeCase(r) {
        const from = profile.lastMs - r.int(1, 14) * DAY;
        const metadata = r.chance(0.5)
          ? { key: 'env', values: [r.pick(['production', 'staging'])] }
          : { key: 'region', values: [r.pick(METADATA_REGIONS)] };
        return listCase({ metadata: [metadata], models: [r.pick(models)], from, to: profile.lastMs + 1 });
      },
    },
    { name: 'list: q full text', budgetP95Ms: Q_BUDGET, makeCase: (r) => listCase({ q: r.pick(words) }) },
    {
      name: 'list: q 3-char substring',
      budgetP95Ms: SUBSTRING_BUDGET,
      makeCase(r) {
        // Three characters from inside a word (not its start): only the trigram index finds them.
        const word = r.pick(words.filter((w) => w.length >= 5)).toLowerCase();
        const at = r.int(1, word.length - 3);
        return listCase({ q: word.slice(at, at + 3) });
      },
    },
    {
      name: 'detail',
      budgetP95Ms: DETAIL_BUDGET,
      makeCase(r) {
        const id = 1 + Math.floor(r.next() * profile.newestId);
        return { path: `/api/requests/${id}`, floor: { kind: 'detail', id } };
      },
    },
    {
      name: 'facets',
      budgetP95Ms: undefined,
      makeCase: () => ({ path: '/api/facets', floor: { kind: 'facets' } }),
    },
    { name: 'count: all', budgetP95Ms: undefined, makeCase: () => countCase({}) },
    {
      name: 'count: model',
      budgetP95Ms: undefined,
      makeCase: (r) => countCase({ models: [r.pick(models)] }),
    },
    {
      name: 'metadata values by prefix',
      budgetP95Ms: undefined,
      makeCase(r) {
        const [key, prefix] = r.pick([
          ['user_id', `user_${r.int(1, 99)}`],
          ['region', r.pick(['us', 'eu', 'ap'])],
          ['app_version', `2.${r.int(0, 14)}`],
          ['session_id', `sess_${r.hex(2)}`],
        ] as const);
        const params = new URLSearchParams({ key, prefix, limit: '20' });
        return {
          path: `/api/facets/metadata-values?${params}`,
          floor: { kind: 'metadataValues', key, prefix, limit: 20 },
        };
      },
    },
  );
  variants.push(...searchVariants(profile));
  variants.push(...timelineVariants(profile));
  return variants;
}
