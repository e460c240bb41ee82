/**
 * useRequestsView(): the dashboard's view state, owned by the URL (history.pushState/replaceState +
 * popstate; no router). Returns
 *   query          ListView = ListQuery minus cursor: pass to requestQueries.list(query) for the
 *                  SAME cache entry the table uses (its loaded rows and fetchNextPage), or
 *                  requestQueries.count(query.filter)
 *   range          the rolling time preset, if any
 *   openRequestId  ?request=<id>, or null
 *   invalidRequest ?request=<not an id> as written (e.g. "abc"), or null
 *   setFilter(next | prev => next, {replace?})   time bounds are kept unless the update sets them
 *   setRange(preset | {from, to} | null)
 *   setSort(field, order)
 *   openRequest(id | null, {replace?})   pushes ?request=<id> (replace: true to switch without a
 *                  history entry, e.g. j/k in the drawer)
 *   clearFilters()
 * Reference-stable: `query` only changes when the filter/sort part of the URL changes (opening a
 * request does not refetch the list).
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { RequestFilter, SortField, SortOrder } from '../../../contract/api.ts';
import { emptyFilter } from '../../../contract/api.ts';
import { goTo, subscribeToNavigation } from '../../lib/navigation.ts';
import type { ListView } from './api/request-queries.ts';
import {
  parseInvalidRequest,
  parseOpenRequest,
  parseView,
  type RangePreset,
  serializeView,
  type ViewInput,
} from './view-params.ts';

const getSearch = () => window.location.search;

export function navigateToSearch(search: string, { replace = false }: { replace?: boolean } = {}): void {
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  goTo(url, replace);
}

function viewPart(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('request');
  params.sort();
  return params.toString();
}

export interface NavigateOptions {
  replace?: boolean;
}

export interface RequestsView {
  query: ListView;
  range: RangePreset | null;
  openRequestId: number | null;
  invalidRequest: string | null;
  setFilter(next: RequestFilter | ((prev: RequestFilter) => RequestFilter), options?: NavigateOptions): void;
  setRange(next: RangePreset | { from?: number; to?: number } | null): void;
  setSort(sort: SortField, order: SortOrder): void;
  openRequest(id: number | null, options?: NavigateOptions): void;
  clearFilters(): void;
}

/** Reads the current URL (not a hook): for event handlers that run outside React's render. */
function currentInput(): ViewInput {
  const search = window.location.search;
  const { query, range } = parseView(search, Date.now());
  return { ...query, range, openRequestId: parseOpenRequest(search) };
}

let lastView: { key: string; view: ReturnType<typeof parseView> } | null = null;

/**
 * A rolling range ("last 24 h") turns into `from = now - 24 h` once per distinct view, shared by every
 * caller: the table and the drawer's j/k must read the same list query (same key, same cache entry),
 * even when they mount at different moments.
 */
function viewForKey(key: string): ReturnType<typeof parseView> {
  if (lastView?.key !== key) lastView = { key, view: parseView(key, Date.now()) };
  return lastView.view;
}

export function useRequestsView(): RequestsView {
  const search = useSyncExternalStore(subscribeToNavigation, getSearch, () => '');
  const key = viewPart(search);
  const { query, range } = viewForKey(key);
  const openRequestId = parseOpenRequest(search);
  const invalidRequest = parseInvalidRequest(search);

  const write = useCallback((update: (input: ViewInput) => ViewInput, options?: NavigateOptions) => {
    navigateToSearch(serializeView(update(currentInput())), options);
  }, []);

  const setFilter = useCallback<RequestsView['setFilter']>(
    (next, options) =>
      write((input) => {
        const filter = typeof next === 'function' ? next(input.filter) : next;
        return { ...input, filter };
      }, options),
    [write],
  );
  const setRange = useCallback<RequestsView['setRange']>(
    (next) =>
      write((input) => {
        const { from: _from, to: _to, ...rest } = input.filter;
        if (next === null) return { ...input, range: null, filter: rest };
        if (typeof next === 'string') return { ...input, range: next, filter: rest };
        return { ...input, range: null, filter: { ...rest, from: next.from, to: next.to } };
      }),
    [write],
  );
  const setSort = useCallback<RequestsView['setSort']>(
    (sort, order) => write((input) => ({ ...input, sort, order })),
    [write],
  );
  const openRequest = useCallback<RequestsView['openRequest']>(
    (id, options) => write((input) => ({ ...input, openRequestId: id }), options),
    [write],
  );
  const clearFilters = useCallback(
    () => write((input) => ({ ...input, filter: emptyFilter(), range: null })),
    [write],
  );

  return useMemo(
    () => ({
      query,
      range,
      openRequestId,
      invalidRequest,
      setFilter,
      setRange,
      setSort,
      openRequest,
      clearFilters,
    }),
    [query, range, openRequestId, invalidRequest, setFilter, setRange, setSort, openRequest, clearFilters],
  );
}
