/**
 * PromptLayer's search filter tree (promptlayer-api.md §6) compiled to a PostgreSQL condition
 * over `requests r`. Unknown fields, operators or ill-typed values raise InvalidSearchFilterError
 * naming the field, which the route answers with a 400.
 */
import { InvalidSearchFilterError } from '../errors.ts';
import { and, or, raw, type Sql, sql } from '../sql/fragment.ts';
import type { SearchFilterNode, SearchQuery } from '../store.ts';
import { tsqueryText } from './filter-sql.ts';

type Leaf = Extract<SearchFilterNode, { field: string }>;

const STRING_FIELDS: Record<string, string> = {
  engine: 'model',
  provider_type: 'provider',
  status: 'status',
};
const TEXT_FIELDS: Record<string, string> = { input_text: 'input_text', output_text: 'output_text' };
const NUMERIC_FIELDS: Record<string, string> = {
  cost: 'price',
  latency_ms: 'latency_ms',
  input_tokens: 'input_tokens',
  output_tokens: 'output_tokens',
};
const TIME_FIELDS: Record<string, string> = { request_start_time: 'start_ms', request_end_time: 'end_ms' };
const BOOLEAN_FIELDS: Record<string, string> = { is_tool_call: 'is_tool_call', is_json: 'is_json' };

export const SEARCH_SORT_COLUMNS: Record<SearchQuery['sortBy'], string> = {
  request_start_time: 'start_ms',
  input_tokens: 'input_tokens',
  output_tokens: 'output_tokens',
  cost: 'price',
  latency_ms: 'latency_ms',
  status: 'status',
};

function fail(field: string, message: string): never {
  throw new InvalidSearchFilterError(field, message);
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function str(leaf: Leaf): string {
  if (typeof leaf.value !== 'string')
    fail(leaf.field, `${leaf.field}: ${leaf.operator} needs a string value`);
  return leaf.value;
}

function strList(leaf: Leaf): string[] {
  const value = leaf.value;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    fail(leaf.field, `${leaf.field}: ${leaf.operator} needs an array of strings`);
  return value as string[];
}

function numberValue(field: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) fail(field, `${field}: expected a number`);
  return n;
}

function timeValue(field: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string') {
    const ms = /^-?\d+(\.\d+)?$/.test(value) ? timeValue(field, Number(value)) : Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  return fail(field, `${field}: expected an ISO-8601 date-time or epoch time`);
}

function pair(field: string, value: unknown): [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2) fail(field, `${field}: between needs [min, max]`);
  return [value[0], value[1]];
}

function stringLeaf(leaf: Leaf, column: string): Sql {
  const col = raw(`r.${column}`);
  switch (leaf.operator) {
    case 'is':
      return sql`${col} = ${str(leaf)}`;
    case 'is_not':
      return sql`${col} <> ${str(leaf)}`;
    case 'in':
      return sql`${col} = ANY(${strList(leaf)}::text[])`;
    case 'not_in':
      return sql`NOT (${col} = ANY(${strList(leaf)}::text[]))`;
  }
  return fail(leaf.field, `${leaf.field}: unknown operator '${leaf.operator}'`);
}

function textLeaf(leaf: Leaf, column: string): Sql {
  const col = raw(`r.${column}`);
  const text = likeEscape(str(leaf));
  switch (leaf.operator) {
    case 'contains':
      return sql`${col} ILIKE ${`%${text}%`}`;
    case 'not_contains':
      return sql`${col} NOT ILIKE ${`%${text}%`}`;
    case 'starts_with':
      return sql`${col} ILIKE ${`${text}%`}`;
    case 'ends_with':
      return sql`${col} ILIKE ${`%${text}`}`;
  }
  return fail(leaf.field, `${leaf.field}: unknown operator '${leaf.operator}'`);
}

const COMPARISONS: Record<string, string> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

function numericLeaf(leaf: Leaf, column: string): Sql {
  const col = raw(`r.${column}`);
  const op = COMPARISONS[leaf.operator];
  if (op) return sql`${col} ${raw(op)} ${numberValue(leaf.field, leaf.value)}::double precision`;
  switch (leaf.operator) {
    case 'between': {
      const [min, max] = pair(leaf.field, leaf.value);
      return sql`${col} BETWEEN ${numberValue(leaf.field, min)}::double precision AND ${numberValue(leaf.field, max)}::double precision`;
    }
    case 'is_null':
      return sql`${col} IS NULL`;
    case 'is_not_null':
      return sql`${col} IS NOT NULL`;
  }
  return fail(leaf.field, `${leaf.field}: unknown operator '${leaf.operator}'`);
}

function timeLeaf(leaf: Leaf, column: string): Sql {
  const col = raw(`r.${column}`);
  switch (leaf.operator) {
    case 'is':
      return sql`${col} = ${Math.round(timeValue(leaf.field, leaf.value))}::bigint`;
    case 'before':
      return sql`${col} < ${Math.round(timeValue(leaf.field, leaf.value))}::bigint`;
    case 'after':
      return sql`${col} > ${Math.round(timeValue(leaf.field, leaf.value))}::bigint`;
    case 'between': {
      const [from, to] = pair(leaf.field, leaf.value);
      return sql`${col} BETWEEN ${Math.round(timeValue(leaf.field, from))}::bigint AND ${Math.round(timeValue(leaf.field, to))}::bigint`;
    }
  }
  return fail(leaf.field, `${leaf.field}: unknown operator '${leaf.operator}'`);
}

/** `has(values)`: the request's array field holds any of `values`; `any`: it holds anything. */
function arraySources(field: string): { has: (values: string[]) => Sql; any: Sql } {
  switch (field) {
    case 'tags':
      return {
        has: (v) =>
          sql`EXISTS (SELECT 1 FROM request_tags t WHERE t.request_id = r.id AND t.tag = ANY(${v}::text[]))`,
        any: raw('EXISTS (SELECT 1 FROM request_tags t WHERE t.request_id = r.id)'),
      };
    case 'metadata_keys':
      return {
        has: (v) =>
          sql`EXISTS (SELECT 1 FROM request_metadata m WHERE m.request_id = r.id AND m.key = ANY(${v}::text[]))`,
        any: raw('EXISTS (SELECT 1 FROM request_metadata m WHERE m.request_id = r.id)'),
      };
    default:
      return { has: (v) => sql`r.tool_names && ${v}::text[]`, any: raw('cardinality(r.tool_names) > 0') };
  }
}

function arrayLeaf(leaf: Leaf): Sql {
  const source = arraySources(leaf.field);
  switch (leaf.operator) {
    case 'contains':
      return source.has([str(leaf)]);
    case 'not_contains':
      return sql`NOT ${source.has([str(leaf)])}`;
    case 'in':
      return source.has(strList(leaf));
    case 'not_in':
      return sql`NOT ${source.has(strList(leaf))}`;
    case 'is_empty':
      return sql`NOT ${source.any}`;
    case 'is_not_empty':
      return source.any;
  }
  return fail(leaf.field, `${leaf.field}: unknown operator '${leaf.operator}'`);
}

function metadataLeaf(leaf: Leaf): Sql {
  const key = leaf.nested_key;
  if (typeof key !== 'string' || key === '')
    fail('metadata', 'metadata: nested_key (the metadata key) is required');
  const exists = (condition: Sql) =>
    sql`EXISTS (SELECT 1 FROM request_metadata m WHERE m.request_id = r.id AND m.key = ${key} AND ${condition})`;
  switch (leaf.operator) {
    case 'key_equals':
      return exists(sql`m.value = ${str(leaf)}`);
    case 'key_not_equals':
      return sql`NOT ${exists(sql`m.value = ${str(leaf)}`)}`;
    case 'key_contains':
      return exists(sql`m.value ILIKE ${`%${likeEscape(str(leaf))}%`}`);
    case 'in':
      return exists(sql`m.value = ANY(${strList(leaf)}::text[])`);
    case 'not_in':
      return sql`NOT ${exists(sql`m.value = ANY(${strList(leaf)}::text[])`)}`;
    case 'is_empty':
      return sql`NOT ${exists(raw("m.value <> ''"))}`;
    case 'is_not_empty':
      return exists(raw("m.value <> ''"));
  }
  return fail('metadata', `metadata: unknown operator '${leaf.operator}'`);
}

function booleanLeaf(leaf: Leaf, column: string): Sql {
  if (leaf.operator === 'is_true') return raw(`r.${column}`);
  if (leaf.operator === 'is_false') return raw(`NOT r.${column}`);
  return fail(leaf.field, `${leaf.field}: unknown operator '${leaf.operator}'`);
}

export function searchCondition(node: SearchFilterNode): Sql {
  if ('logic' in node) {
    const parts = node.filters.map(searchCondition);
    return node.logic === 'OR' ? or(parts) : sql`(${and(parts)})`;
  }
  const { field } = node;
  if (STRING_FIELDS[field]) return stringLeaf(node, STRING_FIELDS[field]);
  if (TEXT_FIELDS[field]) return textLeaf(node, TEXT_FIELDS[field]);
  if (NUMERIC_FIELDS[field]) return numericLeaf(node, NUMERIC_FIELDS[field]);
  if (TIME_FIELDS[field]) return timeLeaf(node, TIME_FIELDS[field]);
  if (BOOLEAN_FIELDS[field]) return booleanLeaf(node, BOOLEAN_FIELDS[field]);
  if (field === 'tags' || field === 'metadata_keys' || field === 'tool_names') return arrayLeaf(node);
  if (field === 'metadata') return metadataLeaf(node);
  return fail(field, `unknown filter field '${field}'`);
}

function searchWhere(query: SearchQuery): Sql {
  const parts: Sql[] = [];
  if (query.filterGroup) parts.push(searchCondition(query.filterGroup));
  if (query.q?.trim()) {
    const text = tsqueryText(query.q.trim());
    parts.push(text ? sql`r.search @@ to_tsquery('simple', ${text})` : raw('false'));
  }
  return and(parts);
}

/** One page of the search, in its sort, ids as tiebreaker. Columns as the list's. */
export function searchPageStatement(query: SearchQuery, columns: Sql): Sql {
  const dir = query.sortOrder === 'asc' ? 'ASC' : 'DESC';
  const order = raw(`r.${SEARCH_SORT_COLUMNS[query.sortBy]} ${dir}, r.id ${dir}`);
  const offset = (Math.max(1, query.page) - 1) * query.perPage;
  return sql`SELECT ${columns} FROM (
    SELECT * FROM requests r WHERE ${searchWhere(query)} ORDER BY ${order} LIMIT ${query.perPage} OFFSET ${offset}
  ) r ORDER BY ${order}`;
}

export function searchCountStatement(query: SearchQuery): Sql {
  return sql`SELECT count(*)::bigint AS total FROM requests r WHERE ${searchWhere(query)}`;
}
