import { expect, it } from 'vitest';
import type { SearchFilterNode } from '../../../contract/promptlayer-search.ts';
import type { SearchQuery } from '../store.ts';
import { searchAsList } from './search-as-list.ts';

const query = (node: SearchFilterNode | null, extra: Partial<SearchQuery> = {}): SearchQuery => ({
  filterGroup: node === null || 'filters' in node ? node : { logic: 'AND', filters: [node] },
  q: null,
  sortBy: 'request_start_time',
  sortOrder: 'desc',
  page: 1,
  perPage: 10,
  ...extra,
});

it('maps the filters the dashboard list can answer', () => {
  const plan = searchAsList(
    query(
      {
        logic: 'AND',
        filters: [
          { field: 'engine', operator: 'is', value: 'gpt-4o' },
          { field: 'tags', operator: 'contains', value: 'prod' },
          { field: 'metadata', operator: 'key_equals', nested_key: 'user', value: 'u1' },
          { field: 'status', operator: 'in', value: ['ERROR', 'WARNING'] },
          { field: 'request_start_time', operator: 'between', value: [1000, 2000] },
        ],
      },
      { q: ' weather ', sortBy: 'cost', sortOrder: 'asc', page: 3 },
    ),
  );
  expect(plan).toEqual({
    filter: {
      models: ['gpt-4o'],
      providers: [],
      statuses: ['ERROR', 'WARNING'],
      tags: ['prod'],
      promptNames: [],
      metadata: [{ key: 'user', values: ['u1'] }],
      scores: [],
      from: 1_000_000,
      to: 2_000_001,
      q: 'weather',
    },
    sort: 'cost',
    order: 'asc',
    skip: 20,
    take: 10,
  });
  expect(searchAsList(query(null))?.filter.models).toEqual([]);
  expect(
    searchAsList(query({ field: 'request_start_time', operator: 'after', value: 5000 }))?.filter.from,
  ).toBe(5_000_001);
});

it('leaves everything else to the general compiler', () => {
  const general: SearchFilterNode[] = [
    {
      logic: 'OR',
      filters: [
        { field: 'engine', operator: 'is', value: 'a' },
        { field: 'engine', operator: 'is', value: 'b' },
      ],
    },
    { field: 'engine', operator: 'is_not', value: 'a' },
    { field: 'tags', operator: 'not_contains', value: 'a' },
    { field: 'metadata', operator: 'key_contains', nested_key: 'k', value: 'a' },
    { field: 'input_tokens', operator: 'gt', value: 5 },
    { field: 'status', operator: 'is', value: 'NOT_A_STATUS' },
    { field: 'request_start_time', operator: 'after', value: 'not a date' },
    {
      logic: 'AND',
      filters: [
        { field: 'tags', operator: 'contains', value: 'a' },
        { field: 'tags', operator: 'contains', value: 'b' },
      ],
    },
    { logic: 'XOR' as 'AND', filters: [] },
  ];
  for (const node of general) expect(searchAsList(query(node)), JSON.stringify(node)).toBeNull();
  expect(searchAsList(query(null, { sortBy: 'input_tokens' }))).toBeNull();
  expect(searchAsList(query(null, { page: 100, perPage: 10 }))).toBeNull();
});
