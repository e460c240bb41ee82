/**
 * The one mapping between a list query and its query string, used by the server to read
 * /api/requests?… and by the SPA to write its URL and its API calls. See contract/api.ts.
 */
import {
  DEFAULT_PAGE_SIZE,
  type ListQuery,
  listQuerySchema,
  type MetaCondition,
  NUMERIC_FILTER_FIELDS,
  NUMERIC_OPERATORS,
  type NumericCondition,
  type RequestFilter,
  requestFilterSchema,
  type SortField,
  type SortOrder,
} from './api.ts';
import { fullTextWords } from './full-text.ts';
import { FILTER_LIMITS } from './limits.ts';
import { parseTimestamp } from './timestamps.ts';

export interface QueryIssue {
  /** The query-string parameter at fault, e.g. "status" or "score.default". */
  param: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: QueryIssue[] };

const META_PREFIX = 'meta.';
const SCORE_PREFIX = 'score.';
const NOT_PREFIX = 'not.';
const NOT_META_PREFIX = 'not.meta.';
const CONTAINS_PREFIX = 'meta_contains.';
/** `not.<param>` and the RequestFilter['exclude'] field it fills. */
const EXCLUDABLE = [
  ['model', 'models'],
  ['provider', 'providers'],
  ['status', 'statuses'],
  ['tag', 'tags'],
  ['prompt', 'promptNames'],
] as const;
/** Numeric conditions in all (`latency=gt:1000` …). */
const NUMERIC_MAX = 20;

function parseNumeric(field: NumericCondition['field'], raw: string): NumericCondition | undefined {
  const match = /^([a-z]+):(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i.exec(raw);
  const op = match?.[1] as NumericCondition['op'] | undefined;
  if (!match || !op || !(NUMERIC_OPERATORS as readonly string[]).includes(op)) return undefined;
  return { field, op, value: Number(match[2]) };
}

/** The richer conditions (issue #13): exclusions, metadata operators, numeric comparisons. */
function parseRicherParams(
  params: URLSearchParams,
  raw: Record<string, unknown>,
  issues: QueryIssue[],
): void {
  const exclude: Record<string, string[]> = {};
  for (const [param, field] of EXCLUDABLE) {
    const values = params.getAll(`${NOT_PREFIX}${param}`);
    if (values.length > 0) exclude[field] = values;
  }
  if (Object.keys(exclude).length > 0) raw.exclude = exclude;
  const contains: MetaCondition[] = [];
  const notIn = new Map<string, string[]>();
  for (const [name, value] of params) {
    if (name.startsWith(NOT_META_PREFIX) && name.length > NOT_META_PREFIX.length) {
      const key = name.slice(NOT_META_PREFIX.length);
      notIn.set(key, [...(notIn.get(key) ?? []), value]);
    } else if (name.startsWith(CONTAINS_PREFIX) && name.length > CONTAINS_PREFIX.length) {
      if (value === '') issues.push({ param: name, message: 'expected the text to look for' });
      else contains.push({ key: name.slice(CONTAINS_PREFIX.length), op: 'contains', value });
    }
  }
  const conditions: MetaCondition[] = [...notIn].map(([key, values]) => ({ key, op: 'not_in', values }));
  conditions.push(...contains);
  for (const key of params.getAll('has_meta')) if (key) conditions.push({ key, op: 'exists' });
  for (const key of params.getAll('no_meta')) if (key) conditions.push({ key, op: 'missing' });
  if (conditions.length > 0) raw.metaConditions = conditions;
  const numeric: NumericCondition[] = [];
  for (const field of NUMERIC_FILTER_FIELDS) {
    for (const value of params.getAll(field)) {
      const condition = parseNumeric(field, value);
      if (condition) numeric.push(condition);
      else
        issues.push({
          param: field,
          message: 'expected <op>:<number> with op gt, gte, lt or lte, e.g. gt:1000',
        });
    }
  }
  if (numeric.length > 0) raw.numeric = numeric;
}

/**
 * Accepts epoch milliseconds or an ISO-8601 date or date-time of a real calendar day between 1970
 * and 9999 (contract/timestamps.ts). A date-time without an offset is UTC (as in ingest), never
 * the server's or the browser's local time.
 */
export function parseTimeParam(raw: string): number | undefined {
  return parseTimestamp(raw, 'ms');
}

function parseScoreRange(raw: string): { min?: number; max?: number } | undefined {
  const match = /^(\d{0,3})\.\.(\d{0,3})$/.exec(raw);
  if (!match) return undefined;
  const range: { min?: number; max?: number } = {};
  if (match[1]) range.min = Number(match[1]);
  if (match[2]) range.max = Number(match[2]);
  return range;
}

/**
 * A parameter that takes one value given twice (`all=true&all=false`) is an error, never read as
 * its first or last value.
 */
export function repeatedScalarIssues(params: URLSearchParams, names: readonly string[]): QueryIssue[] {
  return names
    .filter((name) => params.getAll(name).length > 1)
    .map((name) => ({ param: name, message: 'given more than once; it takes one value' }));
}

/** Reads the filter part of a query string. Unknown parameters are ignored (they belong to the page). */
export function parseFilterParams(params: URLSearchParams): ParseResult<RequestFilter> {
  const issues: QueryIssue[] = repeatedScalarIssues(params, ['from', 'to', 'q', 'commented', 'in_queue']);
  const metadata = new Map<string, string[]>();
  const scores: RequestFilter['scores'] = [];
  const raw: Record<string, unknown> = {
    models: params.getAll('model'),
    providers: params.getAll('provider'),
    statuses: params.getAll('status'),
    tags: params.getAll('tag'),
    promptNames: params.getAll('prompt'),
  };
  const noScores = params.getAll('noscore');
  if (noScores.length > 0) raw.noScores = noScores;
  const scoredBy = params.getAll('scored_by');
  if (scoredBy.length > 0) raw.scoredBy = scoredBy;
  const commented = params.get('commented');
  if (commented === 'true') raw.commented = true;
  else if (commented !== null)
    issues.push({ param: 'commented', message: 'expected true (or leave it out)' });
  const inQueue = params.get('in_queue');
  if (inQueue !== null) {
    const match = /^([1-9]\d{0,15})(?::(pending|done))?$/.exec(inQueue);
    if (match) raw.inQueue = { queueId: Number(match[1]), state: match[2] ?? 'any' };
    else
      issues.push({
        param: 'in_queue',
        message: 'expected <queue id>, <queue id>:pending or <queue id>:done',
      });
  }
  const versions = params.getAll('prompt_version');
  if (versions.length > 0) raw.promptVersions = versions.map((v) => (/^\d+$/.test(v) ? Number(v) : v));
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
  parseRicherParams(params, raw, issues);
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
  issues.push(...limitIssues(raw, metadata, scores));

  const parsed = requestFilterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ param: filterPathToParam(issue.path, raw), message: issue.message });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, value: parsed.data };
}

/** Every filter's cost is bounded: counts and lengths over FILTER_LIMITS name their parameter. */
function limitIssues(
  raw: Record<string, unknown>,
  metadata: Map<string, string[]>,
  scores: RequestFilter['scores'],
): QueryIssue[] {
  const { valuesPerParam, metadataKeys, scoreNames, valueLength, qLength, qWords } = FILTER_LIMITS;
  const issues: QueryIssue[] = [];
  const tooLong = (value: string) => value.length > valueLength;
  const checkValues = (param: string, values: readonly string[]) => {
    if (values.length > valuesPerParam)
      issues.push({ param, message: `at most ${valuesPerParam} values (got ${values.length})` });
    else if (values.some(tooLong))
      issues.push({ param, message: `a value is longer than ${valueLength} characters` });
  };
  const repeatable: [string, string][] = [
    ['model', 'models'],
    ['provider', 'providers'],
    ['status', 'statuses'],
    ['tag', 'tags'],
    ['prompt', 'promptNames'],
  ];
  for (const [param, field] of repeatable) checkValues(param, raw[field] as string[]);
  for (const [param, field] of [
    ['noscore', 'noScores'],
    ['scored_by', 'scoredBy'],
    ['prompt_version', 'promptVersions'],
  ] as const)
    checkValues(param, ((raw[field] as unknown[] | undefined) ?? []).map(String));
  if (metadata.size > metadataKeys)
    issues.push({
      param: META_PREFIX,
      message: `at most ${metadataKeys} meta.<key> filters (got ${metadata.size})`,
    });
  else
    for (const [key, values] of metadata) {
      if (tooLong(key))
        issues.push({
          param: `${META_PREFIX}${key.slice(0, 40)}…`,
          message: `a key is longer than ${valueLength} characters`,
        });
      else checkValues(`${META_PREFIX}${key}`, values);
    }
  if (scores.length > scoreNames)
    issues.push({
      param: SCORE_PREFIX,
      message: `at most ${scoreNames} score.<name> filters (got ${scores.length})`,
    });
  else
    for (const { name } of scores) {
      if (tooLong(name))
        issues.push({
          param: `${SCORE_PREFIX}${name.slice(0, 40)}…`,
          message: `a name is longer than ${valueLength} characters`,
        });
    }
  const exclude = (raw.exclude ?? {}) as Record<string, string[]>;
  for (const [param, field] of EXCLUDABLE) checkValues(`${NOT_PREFIX}${param}`, exclude[field] ?? []);
  const conditions = (raw.metaConditions ?? []) as MetaCondition[];
  if (conditions.length > metadataKeys)
    issues.push({
      param: 'not.meta',
      message: `at most ${metadataKeys} metadata conditions besides meta.<key> (got ${conditions.length})`,
    });
  for (const condition of conditions) {
    const param = metaConditionParam(condition);
    if (tooLong(condition.key))
      issues.push({ param, message: `a key is longer than ${valueLength} characters` });
    else if (condition.op === 'not_in') checkValues(param, condition.values);
    else if (condition.op === 'contains' && tooLong(condition.value))
      issues.push({ param, message: `a value is longer than ${valueLength} characters` });
  }
  const numeric = (raw.numeric ?? []) as unknown[];
  if (numeric.length > NUMERIC_MAX)
    issues.push({
      param: 'latency',
      message: `at most ${NUMERIC_MAX} numeric conditions (got ${numeric.length})`,
    });
  const q = raw.q;
  if (typeof q === 'string') {
    if (q.length > qLength)
      issues.push({ param: 'q', message: `at most ${qLength} characters (got ${q.length})` });
    else if (fullTextWords(q).length > qWords)
      issues.push({ param: 'q', message: `at most ${qWords} words (got ${fullTextWords(q).length})` });
  }
  return issues;
}

function metaConditionParam(condition: MetaCondition): string {
  switch (condition.op) {
    case 'not_in':
      return `${NOT_META_PREFIX}${condition.key}`;
    case 'contains':
      return `${CONTAINS_PREFIX}${condition.key}`;
    case 'exists':
      return 'has_meta';
    case 'missing':
      return 'no_meta';
  }
}

function filterPathToParam(path: PropertyKey[], raw: Record<string, unknown>): string {
  const [field, index] = path;
  if (field === 'exclude' && typeof index === 'string') {
    const param = EXCLUDABLE.find(([, f]) => f === index)?.[0];
    return param ? `${NOT_PREFIX}${param}` : 'not';
  }
  if (field === 'numeric' && typeof index === 'number') {
    const entry = (raw.numeric as NumericCondition[])[index];
    return entry?.field ?? 'numeric';
  }
  if (field === 'metaConditions' && typeof index === 'number') {
    const entry = (raw.metaConditions as MetaCondition[])[index];
    return entry ? metaConditionParam(entry) : 'meta';
  }
  const names: Record<string, string> = {
    models: 'model',
    providers: 'provider',
    statuses: 'status',
    tags: 'tag',
    promptNames: 'prompt',
    traceIds: 'trace',
    noScores: 'noscore',
    scoredBy: 'scored_by',
    promptVersions: 'prompt_version',
    inQueue: 'in_queue',
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
  const issues = [
    ...(filter.ok ? [] : filter.issues),
    ...repeatedScalarIssues(params, ['sort', 'order', 'limit', 'cursor']),
  ];
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
  for (const name of filter.noScores ?? []) params.append('noscore', name);
  for (const author of filter.scoredBy ?? []) params.append('scored_by', author);
  if (filter.commented) params.set('commented', 'true');
  for (const version of filter.promptVersions ?? []) params.append('prompt_version', String(version));
  if (filter.inQueue)
    params.set(
      'in_queue',
      filter.inQueue.state === 'any'
        ? String(filter.inQueue.queueId)
        : `${filter.inQueue.queueId}:${filter.inQueue.state}`,
    );
  for (const [param, field] of EXCLUDABLE)
    for (const value of filter.exclude?.[field] ?? []) params.append(`${NOT_PREFIX}${param}`, value);
  for (const condition of filter.metaConditions ?? []) {
    const param = metaConditionParam(condition);
    if (condition.op === 'not_in') for (const value of condition.values) params.append(param, value);
    else if (condition.op === 'contains') params.append(param, condition.value);
    else params.append(param, condition.key);
  }
  for (const { field, op, value } of filter.numeric ?? []) params.append(field, `${op}:${value}`);
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
