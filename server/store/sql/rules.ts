/**
 * The rules both stores keep alike, written once: limits, sort columns, which facet counter holds
 * the counts of a filter column (and so which counts answer a count without reading requests),
 * LIKE escaping, and how facet counter rows become the FacetsResponse.
 */
import type { FacetsResponse, FacetValue, RequestFilter, SortField } from '../../../contract/api.ts';
import type { SearchSortField } from '../../../contract/promptlayer-search.ts';
import { hasNarrowingFilter } from './narrowing-filter.ts';
import { hasRicherFilter } from './richer-filter.ts';

/** At most this many values per facet kind (the most used). */
export const FACET_LIMIT = 500;
/** Planner estimates that count index entries stop here. */
export const ESTIMATE_CAP = 5000;
/** Metadata value suggestions and PromptLayer search pages hold at most this many rows. */
export const METADATA_VALUES_MAX = 1000;
export const SEARCH_PER_PAGE_MAX = 1000;

export const clamp = (value: number, max: number): number => Math.max(1, Math.min(value, max));

/** Sort fields of the list and of PromptLayer's search, mapped to indexed requests columns. */
export const SORT_COLUMNS: Record<SortField, string> = {
  time: 'start_ms',
  latency: 'latency_ms',
  cost: 'price',
  tokens: 'total_tokens',
};

export const SEARCH_SORT_COLUMNS: Record<SearchSortField, string> = {
  request_start_time: 'start_ms',
  input_tokens: 'input_tokens',
  output_tokens: 'output_tokens',
  cost: 'price',
  latency_ms: 'latency_ms',
  status: 'status',
};

/**
 * The requests columns a filter narrows by value, and the facet_counts kind that counts each.
 * No counter holds traces: their estimate is 0, so a trace (a handful of requests) always drives.
 */
export type FilterColumn = 'model' | 'provider' | 'status' | 'prompt_name' | 'trace_id';
export const FACET_KIND: Record<FilterColumn, string> = {
  model: 'model',
  provider: 'provider',
  status: 'status',
  prompt_name: 'prompt',
  trace_id: 'trace',
};

/** Each filter column with the values the filter allows (empty: no constraint). */
export function filterColumns(filter: RequestFilter): [FilterColumn, readonly string[]][] {
  return [
    ['model', filter.models],
    ['provider', filter.providers],
    ['status', filter.statuses],
    ['prompt_name', filter.promptNames],
    ['trace_id', filter.traceIds ?? []],
  ];
}

/**
 * The facet counters whose sum is the filter's exact count (no values: every value of the kind),
 * or null when only reading requests can tell. Counters answer: no filter at all (every status),
 * one of model / provider / status / prompt name alone (one value per request, so the counts of
 * several values add up), or one tag alone.
 */
export function counterFor(filter: RequestFilter): { kind: string; values: string[] } | null {
  const narrowing: [string, readonly string[]][] = [
    ...filterColumns(filter).map(([column, values]): [string, readonly string[]] => [
      FACET_KIND[column],
      values,
    ]),
    ['tag', filter.tags],
  ];
  const used = narrowing.filter(([, values]) => values.length > 0);
  const rest =
    (filter.traceIds?.length ?? 0) > 0 ||
    filter.metadata.length > 0 ||
    filter.scores.length > 0 ||
    filter.from !== undefined ||
    filter.to !== undefined ||
    (filter.q !== undefined && filter.q.trim() !== '') ||
    hasNarrowingFilter(filter) ||
    hasRicherFilter(filter);
  if (rest || used.length > 1) return null;
  const [only] = used;
  if (!only) return { kind: 'status', values: [] };
  const [kind, values] = only;
  const distinct = [...new Set(values)];
  if (kind === 'tag' && distinct.length > 1) return null;
  return { kind, values: distinct };
}

/**
 * The metadata counter rows whose sum is the filter's exact count when the filter is one
 * metadata condition alone (`meta.<key>=` with one or more values: a request has one value per
 * key, so the values' counts add up); null otherwise.
 */
export function metadataCounterFor(filter: RequestFilter): { key: string; values: string[] } | null {
  const [only, ...others] = filter.metadata;
  if (only === undefined || others.length > 0) return null;
  // Without the metadata condition, nothing else may narrow: the counters' "every status".
  const rest = counterFor({ ...filter, metadata: [] });
  if (rest === null || rest.kind !== 'status' || rest.values.length > 0) return null;
  return { key: only.key, values: [...new Set(only.values)] };
}

/** Escapes LIKE wildcards so that user text matches literally (escape character `\`). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for values starting with `prefix`. */
export const likePrefix = (prefix: string): string => `${likeEscape(prefix)}%`;

/** One facet_counts total: kind, value, extra (a model's provider) and count n. */
export type FacetCountRow = Record<string, unknown>;

/** Counter rows, sorted by kind and count (most used first), as the FacetsResponse. */
export function assembleFacets(rows: Iterable<FacetCountRow>): FacetsResponse {
  const out: FacetsResponse = {
    models: [],
    providers: [],
    statuses: [],
    tags: [],
    promptNames: [],
    metadataKeys: [],
    scoreNames: [],
  };
  const target: Record<string, FacetValue[]> = {
    provider: out.providers,
    status: out.statuses,
    tag: out.tags,
    prompt: out.promptNames,
    metadata_key: out.metadataKeys,
    score_name: out.scoreNames,
  };
  for (const row of rows) {
    const value = String(row.value);
    const count = Number(row.n);
    if (row.kind === 'model') {
      if (out.models.length < FACET_LIMIT) out.models.push({ value, provider: String(row.extra), count });
      continue;
    }
    const bucket = target[String(row.kind)];
    if (bucket && bucket.length < FACET_LIMIT) bucket.push({ value, count });
  }
  return out;
}
