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

it('maps negations, metadata operators, numeric comparisons and OR lists over one field', () => {
  const filterOf = (node: SearchFilterNode) => searchAsList(query(node))?.filter;
  expect(filterOf({ field: 'engine', operator: 'is_not', value: 'a' })?.exclude).toEqual({ models: ['a'] });
  expect(filterOf({ field: 'tags', operator: 'not_contains', value: 'a' })?.exclude).toEqual({ tags: ['a'] });
  expect(filterOf({ field: 'status', operator: 'not_in', value: ['ERROR'] })?.exclude).toEqual({
    statuses: ['ERROR'],
  });
  expect(
    filterOf({ field: 'metadata', operator: 'key_contains', nested_key: 'k', value: 'a' })?.metaConditions,
  ).toEqual([{ key: 'k', op: 'contains', value: 'a' }]);
  expect(
    filterOf({ field: 'metadata', operator: 'key_not_equals', nested_key: 'k', value: 'a' })?.metaConditions,
  ).toEqual([{ key: 'k', op: 'not_in', values: ['a'] }]);
  expect(filterOf({ field: 'metadata_keys', operator: 'not_in', value: ['a', 'b'] })?.metaConditions).toEqual(
    [
      { key: 'a', op: 'missing' },
      { key: 'b', op: 'missing' },
    ],
  );
  expect(filterOf({ field: 'input_tokens', operator: 'gt', value: 5 })?.numeric).toEqual([
    { field: 'input_tokens', op: 'gt', value: 5 },
  ]);
  // Whole-number columns: a fraction rounds the way that keeps the same rows.
  expect(filterOf({ field: 'latency_ms', operator: 'between', value: [1.5, 9.5] })?.numeric).toEqual([
    { field: 'latency', op: 'gte', value: 2 },
    { field: 'latency', op: 'lte', value: 9 },
  ]);
  expect(filterOf({ field: 'cost', operator: 'eq', value: 0.5 })?.numeric).toEqual([
    { field: 'cost', op: 'gte', value: 0.5 },
    { field: 'cost', op: 'lte', value: 0.5 },
  ]);
  expect(
    filterOf({
      logic: 'OR',
      filters: [
        { field: 'engine', operator: 'is', value: 'a' },
        { field: 'engine', operator: 'in', value: ['b', 'c'] },
      ],
    })?.models,
  ).toEqual(['a', 'b', 'c']);
  expect(
    filterOf({
      logic: 'OR',
      filters: [
        { field: 'metadata', operator: 'key_equals', nested_key: 'k', value: 'a' },
        { field: 'metadata', operator: 'key_equals', nested_key: 'k', value: 'b' },
      ],
    })?.metadata,
  ).toEqual([{ key: 'k', values: ['a', 'b'] }]);
});

it('leaves everything else to the general compiler', () => {
  const general: SearchFilterNode[] = [
    {
      logic: 'OR',
      filters: [
        { field: 'engine', operator: 'is', value: 'a' },
        { field: 'provider_type', operator: 'is', value: 'b' },
      ],
    },
    {
      logic: 'OR',
      filters: [
        { field: 'metadata', operator: 'key_equals', nested_key: 'k', value: 'a' },
        { field: 'metadata', operator: 'key_equals', nested_key: 'j', value: 'b' },
      ],
    },
    { field: 'cost', operator: 'neq', value: 0 },
    { field: 'cost', operator: 'is_null' },
    { field: 'metadata', operator: 'is_empty', nested_key: 'k' },
    { field: 'metadata', operator: 'key_contains', nested_key: 'k', value: '' },
    { field: 'input_text', operator: 'contains', value: 'a' },
    { field: 'status', operator: 'is', value: 'NOT_A_STATUS' },
    { field: 'status', operator: 'is_not', value: 'NOT_A_STATUS' },
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
