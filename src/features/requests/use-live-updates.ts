/**
 * Live updates without moving rows under the cursor: while the list is scrolled to the top and
 * the tab is visible, poll the cheap probe for requests newer than the newest loaded one. The
 * caller shows "N new requests"; showNew() keeps only the first page and refetches it.
 */
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { RequestRow } from '../../../contract/api.ts';
import { type ListView, requestQueries } from './api/request-queries.ts';
import { useShowNewRequests } from './api/show-new-requests.ts';

const POLL_MS = 4000;

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

export function useLiveUpdates(view: ListView, rows: RequestRow[], atTop: boolean, ready: boolean) {
  const visible = useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'visible');
  let after = 0;
  // The highest loaded id (not the first row's: a request logged late with an old start time sorts lower).
  for (const row of rows) after = Math.max(after, row.id);
  const probe = useQuery({
    ...requestQueries.probe(after, view.filter),
    enabled: ready && atTop && visible,
    refetchInterval: POLL_MS,
    meta: { silent: true },
  });
  const newCount = ready ? (probe.data?.newCount ?? 0) : 0;

  const showNew = useShowNewRequests(view);

  return { newCount, showNew };
}
