/**
 * j/k over the table's own list: the same infinite query (same key, same loaded pages) the table
 * shows, so "next" is the next row the user sees, across page boundaries.
 */
import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ListResponse } from '../../../../contract/api.ts';
import { requestQueries } from '../api/index.ts';
import { useRequestsView } from '../url-state.ts';
import { neighbor } from './list-neighbors.ts';

const idsOf = (data: InfiniteData<ListResponse, unknown> | undefined) =>
  data?.pages.flatMap((page) => page.rows.map((row) => row.id)) ?? [];

export interface ListNavigation {
  go(direction: 1 | -1): Promise<void>;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function useListNavigation(currentId: number): ListNavigation {
  const { query, openRequest } = useRequestsView();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(requestQueries.list(query));
  const ids = useMemo(() => idsOf(list.data), [list.data]);
  const index = ids.indexOf(currentId);
  const lastIndex = useRef<number | null>(null);
  const loading = useRef(false);

  useEffect(() => {
    if (index !== -1) lastIndex.current = index;
  }, [index]);

  // Warm the neighbours' details so j/k shows content without a round trip.
  useEffect(() => {
    for (const direction of [1, -1] as const) {
      const next = neighbor(ids, currentId, direction, false, lastIndex.current);
      if (next.kind === 'id') void queryClient.prefetchQuery(requestQueries.detail(next.id));
    }
  }, [ids, currentId, queryClient]);

  const { fetchNextPage, hasNextPage } = list;
  const listLoaded = list.data !== undefined;
  const go = useCallback(
    async (direction: 1 | -1) => {
      if (loading.current) return;
      let currentIds = ids;
      let hasMore = hasNextPage;
      // The drawer can show before the table's first page arrives (a link to one request on a slow
      // network): j/k then wait for that page instead of being dropped.
      if (!listLoaded) {
        loading.current = true;
        try {
          const data = await queryClient.ensureInfiniteQueryData(requestQueries.list(query));
          currentIds = idsOf(data);
          hasMore = data.pages.at(-1)?.nextCursor != null;
        } catch {
          // The table shows the list's error; the key does nothing.
          return;
        } finally {
          loading.current = false;
        }
      }
      // A page can come back empty (rows deleted meanwhile): keep going a few pages.
      for (let attempt = 0; attempt < 5; attempt++) {
        const result = neighbor(currentIds, currentId, direction, hasMore, lastIndex.current);
        if (result.kind === 'none') return;
        if (result.kind === 'id') {
          lastIndex.current = result.index;
          openRequest(result.id, { replace: true });
          return;
        }
        loading.current = true;
        try {
          const page = await fetchNextPage({ cancelRefetch: false });
          currentIds = idsOf(page.data);
          hasMore = page.hasNextPage;
        } finally {
          loading.current = false;
        }
      }
    },
    [ids, currentId, hasNextPage, fetchNextPage, openRequest, listLoaded, queryClient, query],
  );

  return {
    go,
    hasPrevious: index > 0 || (index === -1 && lastIndex.current !== null && lastIndex.current > 0),
    hasNext: (index !== -1 && index < ids.length - 1) || hasNextPage || (index === -1 && ids.length > 0),
  };
}
