/** Brings newly logged requests into a list: keeps only its first page, refetches it and the totals. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ListView, requestQueries } from './request-queries.ts';

export function useShowNewRequests(view: ListView): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const { queryKey } = requestQueries.list(view);
    queryClient.setQueryData(queryKey, (data) =>
      data ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
    await Promise.all([
      queryClient.invalidateQueries({ queryKey }),
      queryClient.invalidateQueries({ queryKey: requestQueries.counts() }),
      queryClient.invalidateQueries({ queryKey: requestQueries.facets().queryKey }),
    ]);
  }, [queryClient, view]);
}
