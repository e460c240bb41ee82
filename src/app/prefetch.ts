/**
 * Starts the first list request before React renders (the bundle has just been evaluated; the
 * network round trip then overlaps the first render). Same query options as the table, so the
 * table picks the result up from the cache.
 */
import type { QueryClient } from '@tanstack/react-query';
import { requestQueries } from '../features/requests/api/request-queries.ts';
import { parseView } from '../features/requests/view-params.ts';
import { getApiKey } from '../lib/api-key-store.ts';

export function prefetchFirstPage(queryClient: QueryClient, search: string): void {
  if (!getApiKey()) return;
  // A rolling range computes `from` from the clock: the table's key would differ by a few ms.
  if (new URLSearchParams(search).has('range')) return;
  const { query } = parseView(search, Date.now());
  void queryClient.prefetchInfiniteQuery(requestQueries.list(query));
  void queryClient.prefetchQuery(requestQueries.count(query.filter));
}
