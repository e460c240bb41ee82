/**
 * PromptLayer's request search (docs/wire-contract.md §6): the filter grammar, written once. The
 * filter tree is parsed here, once, into a typed SearchFilterGroup: the route gets it from the
 * body schema, the stores' SQL compiler takes it as it is.
 */
import { z } from 'zod';
import { fullTextWords } from './full-text.ts';
import { FILTER_LIMITS, SEARCH_LIMITS } from './limits.ts';
import { parseTimestamp } from './timestamps.ts';

/** Each field's kind decides its operators, its value's shape and how the stores compile it. */
export const SEARCH_FIELD_KINDS = {
  engine: 'string',
  provider_type: 'string',
  status: 'string',
  input_text: 'text',
  output_text: 'text',
  cost: 'numeric',
  latency_ms: 'numeric',
  input_tokens: 'numeric',
  output_tokens: 'numeric',
  request_start_time: 'datetime',
  request_end_time: 'datetime',
  tags: 'array',
  metadata_keys: 'array',
  tool_names: 'array',
  metadata: 'metadata',
  is_tool_call: 'boolean',
  is_json: 'boolean',
} as const;
export type SearchField = keyof typeof SEARCH_FIELD_KINDS;
export type SearchFieldKind = (typeof SEARCH_FIELD_KINDS)[SearchField];

export const SEARCH_KIND_OPERATORS = {
  string: ['is', 'is_not', 'in', 'not_in'],
  text: ['contains', 'not_contains', 'starts_with', 'ends_with'],
  numeric: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null'],
  datetime: ['is', 'before', 'after', 'between'],
  array: ['contains', 'not_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  metadata: ['key_equals', 'key_not_equals', 'key_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  boolean: ['is_true', 'is_false'],
} as const satisfies Record<SearchFieldKind, readonly string[]>;

/** Filter groups nest at most this deep, with at most SEARCH_MAX_FILTERS entries in all. */
export const SEARCH_MAX_DEPTH = SEARCH_LIMITS.depth;
export const SEARCH_MAX_FILTERS = SEARCH_LIMITS.filters;

export interface SearchFilter {
  field: SearchField;
  operator: string;
  /** Absent for the operators that take none (is_null, is_empty, is_true, …). */
  value?: unknown;
  /** The metadata key, for field `metadata`. */
  nested_key?: string;
}
export interface SearchFilterGroup {
  logic: 'AND' | 'OR';
  filters: (SearchFilter | SearchFilterGroup)[];
}
export type SearchFilterNode = SearchFilter | SearchFilterGroup;

const NO_VALUE = new Set(['is_null', 'is_not_null', 'is_empty', 'is_not_empty', 'is_true', 'is_false']);
const LIST_VALUE = new Set(['in', 'not_in']);

/** A problem in the tree: the dotted path of the entry at fault (`filter_group.filters.2.operator`). */
export class SearchFilterIssue extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function fail(path: string, message: string): never {
  throw new SearchFilterIssue(path, message);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An ISO-8601 date(-time) of a real day, or epoch seconds / ms, 1970-9999 (contract/timestamps.ts). */
const isTime = (v: unknown): boolean => parseTimestamp(v) !== undefined;

/** What the whole tree has used so far of the limits that add up across it. */
interface Budget {
  n: number;
  text: number;
  listValues: number;
}

/** Bounds the cost of a filter: text patterns, string lengths, list sizes (SEARCH_LIMITS). */
function checkCost(kind: SearchFieldKind, value: unknown, path: string, budget: Budget): void {
  const where = `${path}.value`;
  const strings = Array.isArray(value) ? value.filter(isString) : isString(value) ? [value] : [];
  if (kind === 'text') {
    budget.text += 1;
    if (budget.text > SEARCH_LIMITS.textFilters)
      fail(path, `at most ${SEARCH_LIMITS.textFilters} input_text/output_text filters in all`);
    if (strings.some((s) => s.length > SEARCH_LIMITS.patternLength))
      fail(where, `a text pattern is at most ${SEARCH_LIMITS.patternLength} characters`);
  } else if (strings.some((s) => s.length > SEARCH_LIMITS.valueLength)) {
    fail(where, `a value is at most ${SEARCH_LIMITS.valueLength} characters`);
  }
  if (Array.isArray(value)) {
    if (value.length > SEARCH_LIMITS.listValues)
      fail(where, `at most ${SEARCH_LIMITS.listValues} values in one list (got ${value.length})`);
    budget.listValues += value.length;
    if (budget.listValues > SEARCH_LIMITS.totalListValues)
      fail(where, `at most ${SEARCH_LIMITS.totalListValues} list values in the whole filter`);
  }
}

/**
 * Both stores bind whole numbers as 64-bit integers: beyond the safe range a value would be a
 * database error, so it is refused here.
 */
const isSearchNumber = (v: unknown): v is number => isNumber(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
const NUMBER_EXPECTED = `finite numbers within ±${Number.MAX_SAFE_INTEGER}`;

function checkValue(kind: SearchFieldKind, operator: string, value: unknown, path: string): unknown {
  if (NO_VALUE.has(operator)) return undefined;
  const where = `${path}.value`;
  if (kind === 'numeric') {
    if (operator === 'between') {
      if (Array.isArray(value) && value.length === 2 && value.every(isSearchNumber)) return value;
      fail(where, `expected [min, max], ${NUMBER_EXPECTED}`);
    }
    if (!isSearchNumber(value)) fail(where, `expected a number, ${NUMBER_EXPECTED}`);
    return value;
  }
  if (kind === 'datetime') {
    if (operator === 'between') {
      if (Array.isArray(value) && value.length === 2 && value.every(isTime)) return value;
      fail(where, 'expected [from, to] ISO-8601 date-times');
    }
    if (!isTime(value)) fail(where, 'expected an ISO-8601 date-time or epoch time');
    // Kept as sent: the stores read a bare date under `is` as that whole UTC day.
    return value;
  }
  if (LIST_VALUE.has(operator)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isString)) return value;
    fail(where, 'expected a non-empty array of strings');
  }
  if (!isString(value)) fail(where, 'expected a string');
  return value;
}

function parseFilter(raw: Record<string, unknown>, at: string, budget: Budget): SearchFilter {
  const { field, operator, value, nested_key } = raw;
  if (typeof field !== 'string') fail(`${at}.field`, 'required: the field to filter on');
  if (typeof operator !== 'string') fail(`${at}.operator`, 'required: the operator to apply');
  if (nested_key !== undefined && nested_key !== null && typeof nested_key !== 'string') {
    fail(`${at}.nested_key`, 'expected a string');
  }
  if (!Object.hasOwn(SEARCH_FIELD_KINDS, field)) {
    fail(
      `${at}.field`,
      `unknown field '${field}'; expected one of ${Object.keys(SEARCH_FIELD_KINDS).join(', ')}`,
    );
  }
  const kind = SEARCH_FIELD_KINDS[field as SearchField];
  const operators: readonly string[] = SEARCH_KIND_OPERATORS[kind];
  if (!operators.includes(operator)) {
    fail(
      `${at}.operator`,
      `unknown operator '${operator}' for field '${field}'; expected one of ${operators.join(', ')}`,
    );
  }
  const filter: SearchFilter = { field: field as SearchField, operator };
  if (!NO_VALUE.has(operator)) checkCost(kind, value, at, budget);
  const checked = checkValue(kind, operator, value, at);
  if (checked !== undefined) filter.value = checked;
  if (kind === 'metadata') {
    if (isString(nested_key) && nested_key.length > SEARCH_LIMITS.valueLength)
      fail(`${at}.nested_key`, `at most ${SEARCH_LIMITS.valueLength} characters`);
    if (isString(nested_key) && nested_key !== '') filter.nested_key = nested_key;
    else if (!NO_VALUE.has(operator)) fail(`${at}.nested_key`, 'the metadata key to filter on is required');
  }
  return filter;
}

function parseGroup(
  raw: Record<string, unknown>,
  path: string,
  depth: number,
  count: Budget,
): SearchFilterGroup {
  if (depth > SEARCH_MAX_DEPTH) fail(path, `filter groups nest at most ${SEARCH_MAX_DEPTH} deep`);
  const { logic, filters } = raw;
  if (logic !== undefined && logic !== 'AND' && logic !== 'OR')
    fail(`${path}.logic`, "expected 'AND' or 'OR'");
  if (!Array.isArray(filters)) fail(`${path}.filters`, 'expected an array');
  const nodes = filters.map((entry, index): SearchFilterNode => {
    const at = `${path}.filters.${index}`;
    count.n += 1;
    if (count.n > SEARCH_MAX_FILTERS) fail(at, `at most ${SEARCH_MAX_FILTERS} filters in all`);
    if (!isObject(entry)) fail(at, 'expected a filter or a filter group object');
    return 'filters' in entry ? parseGroup(entry, at, depth + 1, count) : parseFilter(entry, at, count);
  });
  return { logic: logic ?? 'AND', filters: nodes };
}

/** Parses a filter tree, or throws SearchFilterIssue naming the first entry at fault. */
export function parseSearchFilterGroup(
  raw: Record<string, unknown>,
  path = 'filter_group',
): SearchFilterGroup {
  return parseGroup(raw, path, 0, { n: 0, text: 0, listValues: 0 });
}

/**
 * The top group's own shape is checked first (like any other body field); its entries are then
 * parsed one by one, so that an error names the exact entry and key at fault, with the error code
 * `invalid_filter`.
 */
const filterGroupShape = z.object({
  logic: z.enum(['AND', 'OR']).optional(),
  filters: z.array(z.unknown()).max(SEARCH_MAX_FILTERS),
});

export const SEARCH_SORT_FIELDS = [
  'request_start_time',
  'input_tokens',
  'output_tokens',
  'cost',
  'latency_ms',
  'status',
] as const;
export type SearchSortField = (typeof SEARCH_SORT_FIELDS)[number];

export const SEARCH_MAX_PER_PAGE = 500;
export const searchBodySchema = z
  .object({
    filter_group: filterGroupShape.nullish(),
    q: z
      .string()
      .max(FILTER_LIMITS.qLength)
      .refine((q) => fullTextWords(q).length <= FILTER_LIMITS.qWords, {
        message: `at most ${FILTER_LIMITS.qWords} words`,
      })
      .nullish(),
    sort_by: z.enum(SEARCH_SORT_FIELDS).nullish(),
    sort_order: z.enum(['asc', 'desc']).nullish(),
    // Bounded so that page × per_page stays an exact integer OFFSET on both stores.
    page: z.number().int().min(1).max(1_000_000).nullish(),
    per_page: z.number().int().min(1).max(SEARCH_MAX_PER_PAGE).nullish(),
  })
  // Runs only once every field above is valid, so a shape error is reported before a tree error.
  .transform((body, ctx) => {
    if (!body.filter_group) return { ...body, filter_group: null };
    try {
      return { ...body, filter_group: parseSearchFilterGroup(body.filter_group) };
    } catch (error) {
      if (!(error instanceof SearchFilterIssue)) throw error;
      ctx.addIssue({
        code: 'custom',
        message: error.message,
        path: error.path.split('.'),
        params: { error: 'invalid_filter', type: 'invalid_filter' },
      });
      return z.NEVER;
    }
  });
export type SearchBody = z.output<typeof searchBodySchema>;

export const searchItemSchema = z.object({
  id: z.number().int(),
  engine: z.string(),
  provider_type: z.string(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  price: z.number(),
  request_start_time: z.string(),
  request_end_time: z.string(),
  /** Seconds. */
  latency: z.number(),
  tags_array: z.array(z.string()),
  metadata: z.array(z.record(z.string(), z.string())),
  scores: z.array(z.object({ name: z.string(), score: z.number().int() })),
  prompt_name: z.string().nullable(),
  status: z.string(),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

/** The page fields of PromptLayer's paginated replies (search, the template list). */
export const pageFields = {
  page: z.number().int(),
  pages: z.number().int(),
  per_page: z.number().int(),
  total: z.number().int(),
  has_next: z.boolean(),
  has_prev: z.boolean(),
};

export const searchResponseSchema = z.object({
  success: z.literal(true),
  items: z.array(searchItemSchema),
  ...pageFields,
  next_num: z.number().int().nullable(),
  prev_num: z.number().int().nullable(),
});

export const SUGGESTION_FIELDS = [
  'engine',
  'provider_type',
  'status',
  'tags',
  'metadata_keys',
  'metadata',
  'prompt_name',
] as const;
export const suggestionsQuerySchema = z.object({
  field: z.enum(SUGGESTION_FIELDS),
  prefix: z.string().max(1024).default(''),
  /** The metadata key whose values to suggest (field=metadata). */
  nested_key: z.string().min(1).max(1024).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const suggestionsResponseSchema = z.object({
  success: z.literal(true),
  field: z.string(),
  suggestions: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
