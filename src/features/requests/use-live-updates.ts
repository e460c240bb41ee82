/**
 * Live updates without moving rows under the cursor: while the list is scrolled to the top and
 * the tab is visible, poll the cheap probe. Newest first (time, descending), it counts exactly
 * the matching requests that would appear above the top row (a back-dated log does not count);
 * showNew() brings them in. In any other order new requests land anywhere in the list, so the
 * caller says the list was updated and showNew() refreshes it from the top.
 */
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { RequestFilter, RequestRow } from '../../../contract/api.ts';
import { type ListView, requestQueries } from './api/request-queries.ts';
import { useShowNewRequests } from './api/show-new-requests.ts';

const POLL_MS = 4000;

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

export interface LiveUpdates {
  /** Requests that would appear at the top (newest first), or that changed the list (other orders). */
  newCount: number;
  /** False when the list is not newest-first: new rows are not "at the top", the list was updated. */
  atTopOfOrder: boolean;
  showNew: () => Promise<void>;
}

/**
 * What the probe asks. Always requests logged since the list loaded (id above the highest loaded
 * id: the probe reads only that id range, cheap at any size); newest first, only those that start
 * after the top row too, i.e. exactly the rows that would appear above it.
 */
export function probeQuery(view: ListView, rows: RequestRow[]): { after: number; filter: RequestFilter } {
  let after = 0;
  for (const row of rows) after = Math.max(after, row.id);
  const top = rows[0];
  if (view.sort !== 'time' || view.order !== 'desc' || !top) return { after, filter: view.filter };
  const from = Math.max(view.filter.from ?? 0, Date.parse(top.startTime) + 1);
  return { after, filter: { ...view.filter, from } };
}

export function useLiveUpdates(
  view: ListView,
  rows: RequestRow[],
  atTop: boolean,
  ready: boolean,
): LiveUpdates {
  const visible = useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'visible');
  const { after, filter } = probeQuery(view, rows);
  const probe = useQuery({
    ...requestQueries.probe(after, filter),
    enabled: ready && atTop && visible,
    refetchInterval: POLL_MS,
    meta: { silent: true },
  });
  const newCount = ready ? (probe.data?.newCount ?? 0) : 0;
  const showNew = useShowNewRequests(view);
  return { newCount, atTopOfOrder: view.sort === 'time' && view.order === 'desc', showNew };
}
