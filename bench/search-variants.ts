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
    // The general compiler (no list equivalent): timed over HTTP only.
    single('metadata key_contains (general)', (r) => ({
      field: 'metadata',
      operator: 'key_contains',
      nested_key: 'region',
      value: r.pick(['us', 'eu', 'ap']),
    })),
    single('latency_ms gt (general)', (r) => ({
      field: 'latency_ms',
      operator: 'gt',
      value: r.int(1000, 20000),
    })),
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
  ];
}
