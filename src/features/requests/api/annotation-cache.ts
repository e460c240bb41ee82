/**
 * Writes a request's annotations into every cached copy of it: its detail and its row in each
 * loaded page of every list (infinite query) the table may show.
 */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { ListResponse, RequestDetail } from '../../../../contract/api.ts';
import type { AnnotationChange, Annotations } from './annotation-change.ts';
import { applyChange } from './annotation-change.ts';
import { requestQueries } from './request-queries.ts';

type Update = <T extends Annotations>(row: T) => T;

/** Returns the same object when the request is not on any page, so untouched lists do not re-render. */
export function updateListPages(
  data: InfiniteData<ListResponse, unknown> | undefined,
  id: number,
  update: Update,
): InfiniteData<ListResponse, unknown> | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    const index = page.rows.findIndex((row) => row.id === id);
    if (index === -1) return page;
    changed = true;
    const rows = page.rows.slice();
    rows[index] = update(page.rows[index] as ListResponse['rows'][number]);
    return { ...page, rows };
  });
  return changed ? { ...data, pages } : data;
}

export function updateCachedRequest(queryClient: QueryClient, id: number, update: Update): void {
  queryClient.setQueryData<RequestDetail>(requestQueries.detail(id).queryKey, (old) =>
    old ? update(old) : old,
  );
  queryClient.setQueriesData<InfiniteData<ListResponse, unknown>>(
    { queryKey: requestQueries.lists() },
    (old) => updateListPages(old, id, update),
  );
}

export function applyChangeToCache(queryClient: QueryClient, id: number, change: AnnotationChange): void {
  updateCachedRequest(queryClient, id, (row) => applyChange(row, change));
}

/** The server's word after a write: replaces the three annotation fields wholesale. */
export function applyServerAnnotations(queryClient: QueryClient, id: number, server: Annotations): void {
  updateCachedRequest(queryClient, id, (row) => ({
    ...row,
    tags: server.tags,
    metadata: server.metadata,
    scores: server.scores,
  }));
}

/** What the caches say about a request now (detail first, else a list row), for computing an undo. */
export function cachedAnnotations(queryClient: QueryClient, id: number): Annotations | null {
  const detail = queryClient.getQueryData<RequestDetail>(requestQueries.detail(id).queryKey);
  if (detail) return detail;
  for (const [, data] of queryClient.getQueriesData<InfiniteData<ListResponse, unknown>>({
    queryKey: requestQueries.lists(),
  })) {
    for (const page of data?.pages ?? []) {
      const row = page.rows.find((r) => r.id === id);
      if (row) return row;
    }
  }
  return null;
}
