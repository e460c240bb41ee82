/**
 * The one query options factory for requests (TkDodo's pattern). Keys are hierarchical:
 *   ['requests']                                   everything (invalidate after any write)
 *   ['requests', 'list', view]                     infinite list pages for one view
 *   ['requests', 'count', filter]                  total for a filter
 *   ['requests', 'detail', id]                     one request's detail
 *   ['requests', 'history', id]                    who changed its annotations, when
 *   ['requests', 'facets']  ['requests', 'facets', 'metadata-values', key, prefix]
 *   ['requests', 'probe', after, filter]           live-update check
 * Nothing else in the SPA types a key by hand: use these (e.g. `requestQueries.list(view).queryKey`
 * with `queryClient.setQueryData` to patch loaded rows after a mutation).
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  countResponseSchema,
  facetsResponseSchema,
  type ListQuery,
  listResponseSchema,
  metadataValuesResponseSchema,
  probeResponseSchema,
  type RequestFilter,
  requestDetailSchema,
} from '../../../../contract/api.ts';
import { annotationHistorySchema } from '../../../../contract/auth.ts';
import { filterToParams, listToParams } from '../../../../contract/filter-query.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import { takeFirstPage } from '../../../lib/first-page.ts';

/** A list query without its cursor: what the table shows. The cursor is the infinite query's page param. */
export type ListView = Omit<ListQuery, 'cursor'>;

function withParams(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const requestQueries = {
  all: () => ['requests'] as const,
  lists: () => [...requestQueries.all(), 'list'] as const,
  list: (view: ListView) =>
    infiniteQueryOptions({
      queryKey: [...requestQueries.lists(), view] as const,
      queryFn: ({ pageParam, signal }) => {
        const path = withParams('/api/requests', listToParams({ ...view, cursor: pageParam }));
        const early = pageParam === null ? takeFirstPage(path) : null;
        return apiFetch(path, { schema: listResponseSchema, signal, early });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      placeholderData: keepPreviousData,
    }),
  counts: () => [...requestQueries.all(), 'count'] as const,
  count: (filter: RequestFilter) =>
    queryOptions({
      queryKey: [...requestQueries.counts(), filter] as const,
      queryFn: ({ signal }) =>
        apiFetch(withParams('/api/requests/count', filterToParams(filter)), {
          schema: countResponseSchema,
          signal,
        }),
      placeholderData: keepPreviousData,
      staleTime: 10_000,
    }),
  details: () => [...requestQueries.all(), 'detail'] as const,
  detail: (id: number) =>
    queryOptions({
      queryKey: [...requestQueries.details(), id] as const,
      queryFn: ({ signal }) => apiFetch(`/api/requests/${id}`, { schema: requestDetailSchema, signal }),
      staleTime: 30_000,
    }),
  history: (id: number) =>
    queryOptions({
      queryKey: [...requestQueries.all(), 'history', id] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/requests/${id}/history`, { schema: annotationHistorySchema, signal }),
      staleTime: 5_000,
    }),
  facets: () =>
    queryOptions({
      queryKey: [...requestQueries.all(), 'facets'] as const,
      queryFn: ({ signal }) => apiFetch('/api/facets', { schema: facetsResponseSchema, signal }),
      staleTime: 30_000,
    }),
  metadataValues: (key: string, prefix: string) =>
    queryOptions({
      queryKey: [...requestQueries.facets().queryKey, 'metadata-values', key, prefix] as const,
      queryFn: ({ signal }) =>
        apiFetch(
          withParams('/api/facets/metadata-values', new URLSearchParams({ key, prefix, limit: '20' })),
          { schema: metadataValuesResponseSchema, signal },
        ),
      staleTime: 30_000,
      placeholderData: keepPreviousData,
      enabled: key.length > 0,
    }),
  probe: (after: number, filter: RequestFilter) =>
    queryOptions({
      queryKey: [...requestQueries.all(), 'probe', after, filter] as const,
      queryFn: ({ signal }) =>
        apiFetch(
          withParams(
            '/api/requests/probe',
            filterToParams(filter, new URLSearchParams({ after: String(after) })),
          ),
          {
            schema: probeResponseSchema,
            signal,
          },
        ),
    }),
};
