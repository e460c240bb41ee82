/**
 * The one mapping between a list query and its query string, used by the server to read
 * /api/requests?… and by the SPA to write its URL and its API calls. See contract/api.ts.
 */
import {
  DEFAULT_PAGE_SIZE,
  type ListQuery,
  listQuerySchema,
  type RequestFilter,
  requestFilterSchema,
  type SortField,
  type SortOrder,
} from './api.ts';

export interface QueryIssue {
  /** The query-string parameter at fault, e.g. "status" or "score.default". */
  param: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: QueryIssue[] };

const META_PREFIX = 'meta.';
const SCORE_PREFIX = 'score.';

/** 9999-12-31T23:59:59Z: the last instant every Date method can print. */
const MAX_TIME_MS = 253_402_300_799_000;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Accepts epoch milliseconds or an ISO-8601 date or date-time between 1970 and 9999. A date-time
 * without an offset is UTC (as in ingest), never the server's or the browser's local time.
 */
export function parseTimeParam(raw: string): number | undefined {
  const text = raw.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text);
  else {
    const match = ISO_DATE_TIME.exec(text);
    if (!match) return undefined;
    const offset = match[1];
    const withOffset = !text.includes('T')
      ? text
      : offset === undefined
        ? `${text}Z`
        : /^[+-]\d{2}$/.test(offset)
          ? `${text}:00`
          : text;
    ms = Date.parse(withOffset);
  }
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME_MS ? ms : undefined;
}

function parseScoreRange(raw: string): { min?: number; max?: number } | undefined {
  const match = /^(\d{0,3})\.\.(\d{0,3})$/.exec(raw);
  if (!match) return undefined;
  const range: { min?: number; max?: number } = {};
  if (match[1]) range.min = Number(match[1]);
  if (match[2]) range.max = Number(match[2]);
  return range;
}

/** Reads the filter part of a query string. Unknown parameters are ignored (they belong to the page). */
export function parseFilterParams(params: URLSearchParams): ParseResult<RequestFilter> {
  const issues: QueryIssue[] = [];
  const metadata = new Map<string, string[]>();
  const scores: RequestFilter['scores'] = [];
  const raw: Record<string, unknown> = {
    models: params.getAll('model'),
    providers: params.getAll('provider'),
    statuses: params.getAll('status'),
    tags: params.getAll('tag'),
    promptNames: params.getAll('prompt'),
  };
  const traces = params.getAll('trace');
  if (traces.length > 0) raw.traceIds = traces.map((trace) => trace.toLowerCase());
  for (const [name, value] of params) {
    if (name.startsWith(META_PREFIX) && name.length > META_PREFIX.length) {
      const key = name.slice(META_PREFIX.length);
      metadata.set(key, [...(metadata.get(key) ?? []), value]);
    } else if (name.startsWith(SCORE_PREFIX) && name.length > SCORE_PREFIX.length) {
      const range = parseScoreRange(value);
      if (!range)
        issues.push({ param: name, message: 'expected <min>..<max> with integers 0-100, e.g. 50..100' });
      else scores.push({ name: name.slice(SCORE_PREFIX.length), ...range });
    }
  }
  raw.metadata = [...metadata].map(([key, values]) => ({ key, values }));
  raw.scores = scores;
  for (const bound of ['from', 'to'] as const) {
    const value = params.get(bound);
    if (value === null || value === '') continue;
    const ms = parseTimeParam(value);
    if (ms === undefined)
      issues.push({
        param: bound,
        message: 'expected an ISO-8601 date-time or epoch milliseconds (1970-9999)',
      });
    else raw[bound] = ms;
  }
  const q = params.get('q');
  if (q?.trim()) raw.q = q.trim();

  const parsed = requestFilterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ param: filterPathToParam(issue.path, raw), message: issue.message });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, value: parsed.data };
}

function filterPathToParam(path: PropertyKey[], raw: Record<string, unknown>): string {
  const [field, index] = path;
  const names: Record<string, string> = {
    models: 'model',
    providers: 'provider',
    statuses: 'status',
    tags: 'tag',
    promptNames: 'prompt',
    traceIds: 'trace',
  };
  if (typeof field === 'string' && names[field]) return names[field];
  if (field === 'scores' && typeof index === 'number') {
    const entry = (raw.scores as RequestFilter['scores'])[index];
    return entry ? `${SCORE_PREFIX}${entry.name}` : 'score';
  }
  return String(field ?? 'query');
}

/** Reads a whole list query (filter, sort, order, limit, cursor). */
export function parseListParams(params: URLSearchParams): ParseResult<ListQuery> {
  const filter = parseFilterParams(params);
  const issues = filter.ok ? [] : [...filter.issues];
  const raw: Record<string, unknown> = { filter: filter.ok ? filter.value : {} };
  const sort = params.get('sort');
  if (sort) raw.sort = sort;
  const order = params.get('order');
  if (order) raw.order = order;
  const limit = params.get('limit');
  if (limit) raw.limit = /^\d+$/.test(limit) ? Number(limit) : limit;
  const cursor = params.get('cursor');
  if (cursor) raw.cursor = cursor;
  const parsed = listQuerySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ param: String(issue.path[0]), message: issue.message });
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, value: parsed.data };
}

function formatScoreRange(min?: number, max?: number): string {
  return `${min ?? ''}..${max ?? ''}`;
}

/** Writes a filter as query-string parameters, in a stable order. */
export function filterToParams(
  filter: Partial<RequestFilter>,
  params = new URLSearchParams(),
): URLSearchParams {
  for (const model of filter.models ?? []) params.append('model', model);
  for (const provider of filter.providers ?? []) params.append('provider', provider);
  for (const status of filter.statuses ?? []) params.append('status', status);
  for (const tag of filter.tags ?? []) params.append('tag', tag);
  for (const prompt of filter.promptNames ?? []) params.append('prompt', prompt);
  for (const trace of filter.traceIds ?? []) params.append('trace', trace);
  for (const { key, values } of filter.metadata ?? []) {
    for (const value of values) params.append(`${META_PREFIX}${key}`, value);
  }
  for (const { name, min, max } of filter.scores ?? []) {
    params.append(`${SCORE_PREFIX}${name}`, formatScoreRange(min, max));
  }
  if (filter.from !== undefined) params.set('from', new Date(filter.from).toISOString());
  if (filter.to !== undefined) params.set('to', new Date(filter.to).toISOString());
  if (filter.q) params.set('q', filter.q);
  return params;
}

export interface ListParamsInput {
  filter: Partial<RequestFilter>;
  sort?: SortField;
  order?: SortOrder;
  limit?: number;
  cursor?: string | null;
}

/** Writes a list query as query-string parameters; defaults are left out to keep URLs short. */
export function listToParams({ filter, sort, order, limit, cursor }: ListParamsInput): URLSearchParams {
  const params = filterToParams(filter);
  if (sort && sort !== 'time') params.set('sort', sort);
  if (order && order !== 'desc') params.set('order', order);
  if (limit && limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** True when the filter selects every request. */
export function isEmptyFilter(filter: RequestFilter): boolean {
  return filterToParams(filter).size === 0;
}
