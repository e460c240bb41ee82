/**
 * Checks a PromptLayer search filter tree (docs/wire-contract.md §6) against the known fields,
 * operators and value shapes, and turns it into the store's SearchFilterNode. Every problem is a
 * 400 naming the offending path, e.g. `filter_group.filters.2.operator`.
 */
import {
  SEARCH_FIELD_OPERATORS,
  type SearchField,
  type WireSearchFilter,
  type WireSearchGroup,
} from '../../../contract/promptlayer.ts';
import { badRequest } from '../../http/errors.ts';
import type { SearchFilterNode } from '../../store/store.ts';

const MAX_DEPTH = 8;
const MAX_FILTERS = 500;

type Family = 'string' | 'text' | 'numeric' | 'datetime' | 'array' | 'metadata' | 'boolean';

const FAMILY: Record<SearchField, Family> = {
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
};

const NO_VALUE = new Set(['is_null', 'is_not_null', 'is_empty', 'is_not_empty', 'is_true', 'is_false']);
const LIST_VALUE = new Set(['in', 'not_in']);

function fail(path: string, message: string): never {
  throw badRequest(
    `${path}: ${message}`,
    [{ loc: ['body', ...path.split('.')], msg: message, type: 'invalid_filter' }],
    'invalid_filter',
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The JavaScript Date range, in epoch ms. */
const MAX_TIME_MS = 8.64e15;

function isTime(v: unknown): boolean {
  return (isNumber(v) && v >= 0 && v <= MAX_TIME_MS) || (isString(v) && !Number.isNaN(Date.parse(v)));
}

/**
 * Both adapters bind whole numbers as 64-bit integers: beyond the safe range a value would be a
 * database error, so it is a 400 here.
 */
const isSearchNumber = (v: unknown): v is number => isNumber(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
const NUMBER_EXPECTED = `finite numbers within ±${Number.MAX_SAFE_INTEGER}`;

function checkValue(family: Family, operator: string, value: unknown, path: string): unknown {
  if (NO_VALUE.has(operator)) return undefined;
  const where = `${path}.value`;
  if (family === 'numeric') {
    if (operator === 'between') {
      if (Array.isArray(value) && value.length === 2 && value.every(isSearchNumber)) return value;
      fail(where, `expected [min, max], ${NUMBER_EXPECTED}`);
    }
    if (!isSearchNumber(value)) fail(where, `expected a number, ${NUMBER_EXPECTED}`);
    return value;
  }
  if (family === 'datetime') {
    if (operator === 'between') {
      if (Array.isArray(value) && value.length === 2 && value.every(isTime)) return value;
      fail(where, 'expected [from, to] ISO-8601 date-times');
    }
    if (!isTime(value)) fail(where, 'expected an ISO-8601 date-time or epoch time');
    // Passed on as sent: the store reads a bare date under `is` as that whole UTC day.
    return value;
  }
  if (LIST_VALUE.has(operator)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isString)) return value;
    fail(where, 'expected a non-empty array of strings');
  }
  if (!isString(value)) fail(where, 'expected a string');
  return value;
}

function asGroup(raw: object, at: string): WireSearchGroup {
  const { logic, filters } = raw as { logic?: unknown; filters?: unknown };
  if (logic !== undefined && logic !== 'AND' && logic !== 'OR') fail(`${at}.logic`, "expected 'AND' or 'OR'");
  if (!Array.isArray(filters)) fail(`${at}.filters`, 'expected an array');
  return { logic: logic as WireSearchGroup['logic'], filters };
}

function asFilter(raw: object, at: string): WireSearchFilter {
  const { field, operator, value, nested_key } = raw as Record<string, unknown>;
  if (typeof field !== 'string') fail(`${at}.field`, 'required: the field to filter on');
  if (typeof operator !== 'string') fail(`${at}.operator`, 'required: the operator to apply');
  if (nested_key !== undefined && nested_key !== null && typeof nested_key !== 'string') {
    fail(`${at}.nested_key`, 'expected a string');
  }
  return { field, operator, value, nested_key: nested_key as string | null | undefined };
}

export function toSearchFilterNode(
  group: WireSearchGroup,
  path = 'filter_group',
  depth = 0,
  count = { n: 0 },
): SearchFilterNode {
  if (depth > MAX_DEPTH) fail(path, `filter groups nest at most ${MAX_DEPTH} deep`);
  const filters = group.filters.map((raw, index): SearchFilterNode => {
    const at = `${path}.filters.${index}`;
    count.n += 1;
    if (count.n > MAX_FILTERS) fail(at, `at most ${MAX_FILTERS} filters in all`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      fail(at, 'expected a filter or a filter group object');
    if ('filters' in raw) return toSearchFilterNode(asGroup(raw, at), at, depth + 1, count);
    const entry = asFilter(raw, at);
    if (!Object.hasOwn(SEARCH_FIELD_OPERATORS, entry.field)) {
      fail(
        `${at}.field`,
        `unknown field '${entry.field}'; expected one of ${Object.keys(SEARCH_FIELD_OPERATORS).join(', ')}`,
      );
    }
    const field = entry.field as SearchField;
    const operators: readonly string[] = SEARCH_FIELD_OPERATORS[field];
    if (!operators.includes(entry.operator)) {
      fail(
        `${at}.operator`,
        `unknown operator '${entry.operator}' for field '${field}'; expected one of ${operators.join(', ')}`,
      );
    }
    const family = FAMILY[field];
    const node: { field: string; operator: string; value?: unknown; nested_key?: string } = {
      field,
      operator: entry.operator,
    };
    const value = checkValue(family, entry.operator, entry.value, at);
    if (value !== undefined) node.value = value;
    if (family === 'metadata') {
      const key = entry.nested_key;
      const keyOptional = NO_VALUE.has(entry.operator);
      if (isString(key) && key !== '') node.nested_key = key;
      else if (!keyOptional) fail(`${at}.nested_key`, 'the metadata key to filter on is required');
    }
    return node;
  });
  return { logic: group.logic ?? 'AND', filters };
}
