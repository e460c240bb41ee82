/**
 * PromptLayer's search filter tree (docs/wire-contract.md §6), as parsed by
 * contract/promptlayer-search.ts, compiled to one predicate over requests `r`. Each field's kind
 * (from the contract) picks the compiler; a tree that did not come through the parser still cannot
 * become a 500 or bad SQL: anything unknown is an InvalidSearchFilterError.
 */

import {
  SEARCH_FIELD_KINDS,
  SEARCH_MAX_DEPTH,
  type SearchField,
  type SearchFilter,
  type SearchFilterNode,
} from '../../../contract/promptlayer-search.ts';
import { parseTimestamp } from '../../../contract/timestamps.ts';
import { InvalidSearchFilterError } from '../errors.ts';
import type { Dialect } from './dialect.ts';
import { and, list, or, raw, type Sql, sql } from './fragment.ts';
import { likeEscape } from './rules.ts';

/** The requests column of each field that has one. */
const COLUMNS: Partial<Record<SearchField, string>> = {
  engine: 'model',
  provider_type: 'provider',
  status: 'status',
  cost: 'price',
  latency_ms: 'latency_ms',
  input_tokens: 'input_tokens',
  output_tokens: 'output_tokens',
  request_start_time: 'start_ms',
  request_end_time: 'end_ms',
  is_tool_call: 'is_tool_call',
  is_json: 'is_json',
};

type Leaf = SearchFilter;

function fail(field: string, message: string): never {
  throw new InvalidSearchFilterError(field, message);
}

function stringValue(leaf: Leaf): string {
  if (typeof leaf.value === 'string') return leaf.value;
  if (typeof leaf.value === 'number' || typeof leaf.value === 'boolean') return String(leaf.value);
  return fail(leaf.field, `${leaf.field} ${leaf.operator} needs a string value`);
}

function stringList(leaf: Leaf): string[] {
  const value = leaf.value;
  const items = Array.isArray(value) ? value : [value];
  const out = items.filter((item) => item !== undefined && item !== null).map(String);
  if (out.length === 0) fail(leaf.field, `${leaf.field} ${leaf.operator} needs a non-empty list of values`);
  return out;
}

function numberValue(field: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) fail(field, `${field} needs a number`);
  return n;
}

function timeValue(field: string, value: unknown): number {
  const ms = parseTimestamp(value);
  if (ms !== undefined) return ms;
  return fail(field, `${field} needs an ISO-8601 date-time or epoch time`);
}

function pair(field: string, value: unknown): [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2) fail(field, `${field} between needs [min, max]`);
  return [value[0], value[1]];
}

function stringLeaf(dialect: Dialect, leaf: Leaf, column: string): Sql {
  const col = raw(`r.${column}`);
  switch (leaf.operator) {
    case 'is':
      return sql`${col} = ${stringValue(leaf)}`;
    case 'is_not':
      return sql`${col} <> ${stringValue(leaf)}`;
    case 'in':
      return dialect.inList(col, stringList(leaf));
    case 'not_in':
      return sql`NOT (${dialect.inList(col, stringList(leaf))})`;
    default:
      return fail(leaf.field, `unknown operator ${leaf.operator} for ${leaf.field}`);
  }
}

function textLeaf(dialect: Dialect, leaf: Leaf, which: 'input_text' | 'output_text'): Sql {
  const text = likeEscape(stringValue(leaf));
  const expr = dialect.textExpr(which);
  switch (leaf.operator) {
    case 'contains':
      return dialect.ilike(expr, `%${text}%`);
    case 'not_contains':
      return sql`NOT (${dialect.ilike(expr, `%${text}%`)})`;
    case 'starts_with':
      return dialect.ilike(expr, `${text}%`);
    case 'ends_with':
      return dialect.ilike(expr, `%${text}`);
    default:
      return fail(leaf.field, `unknown operator ${leaf.operator} for ${leaf.field}`);
  }
}

function numericLeaf(leaf: Leaf, column: string): Sql {
  const col = raw(`r.${column}`);
  const value = () => numberValue(leaf.field, leaf.value);
  switch (leaf.operator) {
    case 'eq':
      return sql`${col} = ${value()}`;
    case 'neq':
      return sql`${col} <> ${value()}`;
    case 'gt':
      return sql`${col} > ${value()}`;
    case 'gte':
      return sql`${col} >= ${value()}`;
    case 'lt':
      return sql`${col} < ${value()}`;
    case 'lte':
      return sql`${col} <= ${value()}`;
    case 'between': {
      const [min, max] = pair(leaf.field, leaf.value);
      return sql`${col} BETWEEN ${numberValue(leaf.field, min)} AND ${numberValue(leaf.field, max)}`;
    }
    // The numeric columns are NOT NULL (absent counts and prices are stored as 0).
    case 'is_null':
      return raw('1 = 0');
    case 'is_not_null':
      return raw('1 = 1');
    default:
      return fail(leaf.field, `unknown operator ${leaf.operator} for ${leaf.field}`);
  }
}

const DAY_MS = 86_400_000;

function timeLeaf(leaf: Leaf, column: string): Sql {
  const col = raw(`r.${column}`);
  switch (leaf.operator) {
    case 'is': {
      // A bare date means that whole UTC day; a date-time means that instant.
      if (typeof leaf.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(leaf.value)) {
        const day = timeValue(leaf.field, leaf.value);
        return sql`${col} >= ${day} AND ${col} < ${day + DAY_MS}`;
      }
      return sql`${col} = ${timeValue(leaf.field, leaf.value)}`;
    }
    case 'before':
      return sql`${col} < ${timeValue(leaf.field, leaf.value)}`;
    case 'after':
      return sql`${col} > ${timeValue(leaf.field, leaf.value)}`;
    case 'between': {
      const [from, to] = pair(leaf.field, leaf.value);
      return sql`${col} BETWEEN ${timeValue(leaf.field, from)} AND ${timeValue(leaf.field, to)}`;
    }
    default:
      return fail(leaf.field, `unknown operator ${leaf.operator} for ${leaf.field}`);
  }
}

/** tags / metadata_keys: a side table keyed by request_id with one string column. */
function arrayLeaf(dialect: Dialect, leaf: Leaf): Sql {
  const any = (values: readonly string[]): Sql => {
    if (leaf.field === 'tool_names') return dialect.toolNamesAny(values);
    if (leaf.field === 'tags')
      return sql`EXISTS (SELECT 1 FROM request_tags x WHERE x.request_id = r.id AND ${dialect.inList(raw('x.tag'), values)})`;
    return sql`EXISTS (SELECT 1 FROM request_metadata x WHERE x.request_id = r.id AND ${dialect.inList(raw('x.key'), values)})`;
  };
  const empty = (): Sql => {
    if (leaf.field === 'tool_names') return dialect.toolNamesEmpty();
    const table = leaf.field === 'tags' ? 'request_tags' : 'request_metadata';
    return raw(`NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.request_id = r.id)`);
  };
  switch (leaf.operator) {
    case 'contains':
      return any([stringValue(leaf)]);
    case 'not_contains':
      return sql`NOT ${any([stringValue(leaf)])}`;
    case 'in':
      return any(stringList(leaf));
    case 'not_in':
      return sql`NOT ${any(stringList(leaf))}`;
    case 'is_empty':
      return empty();
    case 'is_not_empty':
      return sql`NOT ${empty()}`;
    default:
      return fail(leaf.field, `unknown operator ${leaf.operator} for ${leaf.field}`);
  }
}

function metadataLeaf(dialect: Dialect, leaf: Leaf): Sql {
  const key = leaf.nested_key;
  if (typeof key !== 'string' || key === '')
    return fail('nested_key', `metadata ${leaf.operator} needs nested_key`);
  const has = (condition: Sql): Sql =>
    sql`EXISTS (SELECT 1 FROM request_metadata x WHERE x.request_id = r.id AND x.key = ${key} AND ${condition})`;
  switch (leaf.operator) {
    case 'key_equals':
      return has(sql`x.value = ${stringValue(leaf)}`);
    case 'key_not_equals':
      return sql`NOT ${has(sql`x.value = ${stringValue(leaf)}`)}`;
    case 'key_contains':
      return has(dialect.ilike(raw('x.value'), `%${likeEscape(stringValue(leaf))}%`));
    case 'in':
      return has(sql`x.value IN (${list(stringList(leaf))})`);
    case 'not_in':
      return sql`NOT ${has(sql`x.value IN (${list(stringList(leaf))})`)}`;
    case 'is_empty':
      return sql`NOT ${has(raw("x.value <> ''"))}`;
    case 'is_not_empty':
      return has(raw("x.value <> ''"));
    default:
      return fail(leaf.field, `unknown operator ${leaf.operator} for metadata`);
  }
}

function booleanLeaf(dialect: Dialect, leaf: Leaf, column: string): Sql {
  if (leaf.operator === 'is_true') return dialect.isTrue(raw(`r.${column}`), true);
  if (leaf.operator === 'is_false') return dialect.isTrue(raw(`r.${column}`), false);
  return fail(leaf.field, `unknown operator ${leaf.operator} for ${leaf.field}`);
}

function leafSql(dialect: Dialect, leaf: Leaf): Sql {
  const { field } = leaf;
  if (typeof field !== 'string') return fail('field', 'filter field must be a string');
  if (typeof leaf.operator !== 'string') return fail(field, 'filter operator must be a string');
  if (!Object.hasOwn(SEARCH_FIELD_KINDS, field)) return fail(field, `unknown filter field ${field}`);
  const column = COLUMNS[field] ?? '';
  switch (SEARCH_FIELD_KINDS[field]) {
    case 'string':
      return stringLeaf(dialect, leaf, column);
    case 'numeric':
      return numericLeaf(leaf, column);
    case 'datetime':
      return timeLeaf(leaf, column);
    case 'text':
      return textLeaf(dialect, leaf, field as 'input_text' | 'output_text');
    case 'array':
      return arrayLeaf(dialect, leaf);
    case 'metadata':
      return metadataLeaf(dialect, leaf);
    case 'boolean':
      return booleanLeaf(dialect, leaf, column);
  }
}

/** The tree as one predicate over requests `r`; an empty group matches everything. */
export function searchFilterSql(dialect: Dialect, node: SearchFilterNode, depth = 0): Sql {
  if (depth > SEARCH_MAX_DEPTH + 1)
    return fail('filter_group', `filter groups nest at most ${SEARCH_MAX_DEPTH} deep`);
  if (typeof node !== 'object' || node === null) return fail('filter_group', 'filter must be an object');
  if ('filters' in node) {
    if (!Array.isArray(node.filters)) return fail('filters', 'filters must be an array');
    if (node.logic !== 'AND' && node.logic !== 'OR') return fail('logic', 'logic must be AND or OR');
    if (node.filters.length === 0) return raw('1 = 1');
    const parts = node.filters.map((child) => searchFilterSql(dialect, child, depth + 1));
    return node.logic === 'AND' ? and(parts) : or(parts);
  }
  return leafSql(dialect, node);
}
