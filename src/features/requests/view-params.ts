/**
 * The dashboard URL <-> view state mapping (pure, tested in view-params.test.ts). The query string
 * uses the API's parameter names (contract/filter-query.ts) plus three of the page's own:
 *   request=<id>   the open request (the drawer)
 *   range=15m|1h|24h|7d|30d   a rolling time window; `from` is computed when the URL is read,
 *                  so a reload shows "the last hour" again rather than a stale absolute window.
 * A custom range is written as the API's own from=/to= (ISO).
 */
import type { RequestFilter, SortField, SortOrder } from '../../../contract/api.ts';
import { emptyFilter } from '../../../contract/api.ts';
import { listToParams, parseListParams } from '../../../contract/filter-query.ts';
import type { ListView } from './api/request-queries.ts';

export const RANGE_PRESETS = {
  '15m': { label: '15 min', ms: 15 * 60_000 },
  '1h': { label: '1 h', ms: 3600_000 },
  '24h': { label: '24 h', ms: 24 * 3600_000 },
  '7d': { label: '7 d', ms: 7 * 24 * 3600_000 },
  '30d': { label: '30 d', ms: 30 * 24 * 3600_000 },
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

export function isRangePreset(value: string | null): value is RangePreset {
  return value !== null && Object.hasOwn(RANGE_PRESETS, value);
}

export interface ViewState {
  /** Filter, sort, order, limit. With a preset range, `filter.from` is now - range. */
  query: ListView;
  range: RangePreset | null;
  /** Parameters that were present but invalid and have been ignored. */
  ignoredParams: string[];
}

const PAGE_PARAMS = ['request', 'range'];

/** Reads the view (everything but the open request) from a query string. Invalid parameters are dropped. */
export function parseView(search: string, now: number): ViewState {
  const params = new URLSearchParams(search);
  for (const name of PAGE_PARAMS) params.delete(name);
  const range = new URLSearchParams(search).get('range');
  const preset = isRangePreset(range) ? range : null;
  if (preset) {
    params.delete('from');
    params.delete('to');
  }
  const ignoredParams: string[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = parseListParams(params);
    if (parsed.ok) {
      const { cursor: _cursor, ...query } = parsed.value;
      if (preset) query.filter = { ...query.filter, from: now - RANGE_PRESETS[preset].ms };
      return { query, range: preset, ignoredParams };
    }
    for (const issue of parsed.issues) {
      ignoredParams.push(issue.param);
      params.delete(issue.param);
    }
  }
  return {
    query: { filter: emptyFilter(), sort: 'time', order: 'desc', limit: 50 },
    range: preset,
    ignoredParams,
  };
}

/** `?request=` holding something that is not a request id (e.g. `abc`), or null. */
export function parseInvalidRequest(search: string): string | null {
  const raw = new URLSearchParams(search).get('request');
  return raw !== null && parseOpenRequest(search) === null ? raw : null;
}

export function parseOpenRequest(search: string): number | null {
  const raw = new URLSearchParams(search).get('request');
  if (!raw || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export interface ViewInput {
  filter: RequestFilter;
  sort: SortField;
  order: SortOrder;
  limit?: number;
  range: RangePreset | null;
  openRequestId: number | null;
}

/** Writes the view as a query string (without the leading '?'); defaults are omitted. */
export function serializeView({ filter, sort, order, limit, range, openRequestId }: ViewInput): string {
  const urlFilter = range ? { ...filter, from: undefined, to: undefined } : filter;
  const params = listToParams({ filter: urlFilter, sort, order, ...(limit ? { limit } : {}) });
  if (range) params.set('range', range);
  if (openRequestId !== null) params.set('request', String(openRequestId));
  return params.toString();
}
