/**
 * POST /api/public/v2/requests/search variants (issue #15): each single filter with its total,
 * q, and a combination, at the PromptLayer SDK's default page size. The floor of a planned search
 * is the list page and the count the store runs for it (sql/search-as-list.ts).
 */

import { parseSearchFilterGroup } from '../contract/promptlayer-search.ts';
import { METADATA_REGIONS } from '../server/seed/annotations.ts';
import type { Random } from '../server/seed/random.ts';
import { CITIES } from '../server/seed/vocabulary.ts';
import { searchAsList } from '../server/store/sql/search-as-list.ts';
import type { SearchQuery } from '../server/store/store.ts';
import type { DataProfile, ReadCase, ReadVariant } from './read-variants.ts';

const SINGLE_BUDGET = 50;
const COMBINED_BUDGET = 100;
const Q_BUDGET = 150;
const DAY = 24 * 60 * 60 * 1000;
const PER_PAGE = 10;

type Leaf = { field: string; operator: string; value?: unknown; nested_key?: string };

export function searchCase(filters: Leaf[], q: string | null = null): ReadCase {
  const group = { logic: 'AND' as const, filters };
  const query: SearchQuery = {
    filterGroup: filters.length > 0 ? parseSearchFilterGroup(group) : null,
    q,
    sortBy: 'request_start_time',
    sortOrder: 'desc',
    page: 1,
    perPage: PER_PAGE,
  };
  const body = JSON.stringify({
    ...(filters.length > 0 ? { filter_group: group } : {}),
    q,
    per_page: PER_PAGE,
  });
  const plan = searchAsList(query);
  return {
    method: 'POST',
    path: '/api/public/v2/requests/search',
    body,
    floor: plan
      ? {
          kind: 'search',
          query,
          list: { filter: plan.filter, sort: plan.sort, order: plan.order, limit: plan.skip + plan.take },
          count: plan.filter,
        }
      : { kind: 'none' },
  };
}

export function searchVariants(profile: DataProfile): ReadVariant[] {
  const pick = (facet: { value: string }[]) => (r: Random) => r.pick(facet.map((f) => f.value));
  const model = pick(profile.facets.models);
  const provider = pick(profile.facets.providers);
  const tag = pick(profile.facets.tags);
  const iso = (ms: number) => new Date(ms).toISOString();
  const single = (name: string, leaf: (r: Random) => Leaf): ReadVariant => ({
    name: `search: ${name}`,
    budgetP95Ms: SINGLE_BUDGET,
    makeCase: (r) => searchCase([leaf(r)]),
  });
  return [
    { name: 'search: first page', budgetP95Ms: SINGLE_BUDGET, makeCase: () => searchCase([]) },
    single('engine', (r) => ({ field: 'engine', operator: 'is', value: model(r) })),
    single('provider_type', (r) => ({ field: 'provider_type', operator: 'is', value: provider(r) })),
    single('status', (r) => ({
      field: 'status',
      operator: 'is',
      value: r.pick(['SUCCESS', 'WARNING', 'ERROR']),
    })),
    single('tags', (r) => ({ field: 'tags', operator: 'contains', value: tag(r) })),
    single('metadata key_equals', (r) => ({
      field: 'metadata',
      operator: 'key_equals',
      nested_key: 'region',
      value: r.pick(METADATA_REGIONS),
    })),
    single('request_start_time (1 day)', (r) => {
      const from =
        profile.firstMs + Math.floor(r.next() * Math.max(profile.lastMs - profile.firstMs - DAY, 1));
      return { field: 'request_start_time', operator: 'between', value: [iso(from), iso(from + DAY)] };
    }),
    // Mapped onto the list's richer filters (server/store/sql/search-as-list.ts).
    // Its floor would need the data-dependent resolution (the key's distinct values, then the
    // matching ones as an IN list: the same list and count as key_equals/in): timed over HTTP only.
    {
      name: 'search: metadata key_contains',
      budgetP95Ms: SINGLE_BUDGET,
      makeCase: (r) => ({
        ...searchCase([
          {
            field: 'metadata',
            operator: 'key_contains',
            nested_key: 'region',
            value: r.pick(['us', 'eu', 'ap']),
          },
        ]),
        floor: { kind: 'none' },
      }),
    },
    single('metadata key_not_equals', (r) => ({
      field: 'metadata',
      operator: 'key_not_equals',
      nested_key: 'region',
      value: r.pick(METADATA_REGIONS),
    })),
    single('latency_ms gt', (r) => ({ field: 'latency_ms', operator: 'gt', value: r.int(1000, 20000) })),
    single('cost lte', (r) => ({ field: 'cost', operator: 'lte', value: r.pick([0.0005, 0.001, 0.01]) })),
    single('input_tokens gte', (r) => ({ field: 'input_tokens', operator: 'gte', value: r.int(100, 3000) })),
    single('engine is_not', (r) => ({ field: 'engine', operator: 'is_not', value: model(r) })),
    single('tags not_contains', (r) => ({ field: 'tags', operator: 'not_contains', value: tag(r) })),
    { name: 'search: q', budgetP95Ms: Q_BUDGET, makeCase: (r) => searchCase([], r.pick(CITIES)) },
    {
      name: 'search: metadata + engine + time',
      budgetP95Ms: COMBINED_BUDGET,
      makeCase: (r) =>
        searchCase([
          {
            field: 'metadata',
            operator: 'key_equals',
            nested_key: 'env',
            value: r.pick(['production', 'staging']),
          },
          { field: 'engine', operator: 'is', value: model(r) },
          { field: 'request_start_time', operator: 'after', value: iso(profile.lastMs - r.int(1, 14) * DAY) },
        ]),
    },
    {
      name: 'search: metadata + not engine + latency + time',
      budgetP95Ms: COMBINED_BUDGET,
      makeCase: (r) =>
        searchCase([
          {
            field: 'metadata',
            operator: 'key_equals',
            nested_key: 'region',
            value: r.pick(METADATA_REGIONS),
          },
          { field: 'engine', operator: 'is_not', value: model(r) },
          { field: 'latency_ms', operator: 'gt', value: r.int(500, 5000) },
          { field: 'request_start_time', operator: 'after', value: iso(profile.lastMs - r.int(1, 14) * DAY) },
        ]),
    },
  ];
}
