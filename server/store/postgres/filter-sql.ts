/**
 * The dashboard filter (contract/api.ts RequestFilter) as a PostgreSQL WHERE clause over
 * `requests r`. Every value is bound; only column names chosen here reach the SQL text.
 */
import type { RequestFilter } from '../../../contract/api.ts';
import { and, raw, type Sql, sql } from '../sql/fragment.ts';
import { narrowingPredicates } from '../sql/narrowing-filter.ts';
import { richerPredicates } from '../sql/richer-filter.ts';
import { filterColumns } from '../sql/rules.ts';
import { postgresDialect, textCondition } from './dialect.ts';

/** Characters of a metadata value held in its index (values can be far longer). */
export const METADATA_INDEX_CHARS = 200;

/**
 * The request has metadata `key` with one of `values` (alias `m`: an EXISTS over requests `r`;
 * any other alias: the bare condition on that request_metadata row), through the (key, left(value, 200)) index.
 * A value shorter than the indexed prefix equals its own prefix, so only longer values need the
 * full comparison; adding it always would make the planner count the same condition twice and
 * misjudge how many rows match.
 */
export function metadataCondition(key: string, values: readonly string[], alias = 'm'): Sql {
  const prefixes = [...new Set(values.map((value) => value.slice(0, METADATA_INDEX_CHARS)))];
  const long = values.filter((value) => value.length >= METADATA_INDEX_CHARS);
  const n = raw(String(METADATA_INDEX_CHARS));
  const a = raw(alias);
  const exact =
    long.length === 0
      ? raw('')
      : sql` AND (length(${a}.value) < ${n} OR ${a}.value = ANY(${[...new Set(long)]}::text[]))`;
  // A single value as `=`, so that an ordered index read stays ordered.
  const prefix = prefixes.length === 1 ? sql`= ${prefixes[0]}` : sql`= ANY(${prefixes}::text[])`;
  const match = sql`${a}.key = ${key} AND left(${a}.value, ${n}) ${prefix}${exact}`;
  if (alias !== 'm') return match;
  return sql`EXISTS (SELECT 1 FROM request_metadata m WHERE m.request_id = r.id AND ${match})`;
}

/**
 * `expr` equals one of `values`. A single value is written as `=`: PostgreSQL reads an index in
 * order for `=` but not for `= ANY(…)`, and a time-sorted page depends on that order.
 */
function oneOf(expr: Sql, values: readonly string[]): Sql {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? sql`${expr} = ${distinct[0]}` : sql`${expr} = ANY(${distinct}::text[])`;
}

export function filterConditions(filter: RequestFilter): Sql[] {
  const parts: Sql[] = [];
  for (const [column, values] of filterColumns(filter))
    if (values.length > 0) parts.push(oneOf(raw(`r.${column}`), values));
  if (filter.tags.length > 0) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM request_tags t WHERE t.request_id = r.id AND ${oneOf(raw('t.tag'), filter.tags)})`,
    );
  }
  for (const { key, values } of filter.metadata) parts.push(metadataCondition(key, values));
  for (const { name, min, max } of filter.scores) {
    const bounds: Sql[] = [];
    if (min !== undefined) bounds.push(sql`s.value >= ${min}`);
    if (max !== undefined) bounds.push(sql`s.value <= ${max}`);
    parts.push(
      sql`EXISTS (SELECT 1 FROM request_scores s WHERE s.request_id = r.id AND s.name = ${name} AND ${and(bounds)})`,
    );
  }
  if (filter.from !== undefined) parts.push(sql`r.start_ms >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(sql`r.start_ms < ${filter.to}`);
  if (filter.q !== undefined) parts.push(textCondition(filter.q));
  parts.push(...narrowingPredicates(filter, raw('r.id'), 'prompt_version_number'));
  parts.push(...richerPredicates(postgresDialect, filter, raw('r.id'), 'r'));
  return parts;
}
