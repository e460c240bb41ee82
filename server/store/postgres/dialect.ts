/**
 * server/store/sql's Dialect for PostgreSQL, so the shared compilers (PromptLayer's search
 * filter tree) run here unchanged. Placeholders are typed from the bound value (see
 * typedPlaceholder): the shared SQL is written without casts, and PostgreSQL would otherwise
 * infer a parameter's type from its column and refuse, say, 1712345678123.5 for a bigint.
 */
import type { Dialect } from '../sql/dialect.ts';
import { and, list, raw, type Sql, sql } from '../sql/fragment.ts';
import { containsPattern, parseTextQuery } from '../sql/text-query.ts';
import { SUBSTRING_SEARCH_TEXT } from './schema.ts';

/**
 * Free text `q` (../sql/text-query.ts) as a condition on requests `r`: every substring term an
 * ILIKE on the expression the pg_trgm GIN index covers, the short terms word prefixes in the
 * `search` tsvector. Text with nothing to search for matches nothing rather than everything.
 */
export function textCondition(q: string): Sql {
  const query = parseTextQuery(q);
  if (query === null) return raw('false');
  const parts = query.substrings.map(
    (term) => sql`${raw(SUBSTRING_SEARCH_TEXT('r'))} ILIKE ${containsPattern(term)}`,
  );
  if (query.wordPrefixes.length > 0) {
    const prefixes = query.wordPrefixes.map((word) => `'${word}':*`).join(' & ');
    parts.push(sql`r.search @@ to_tsquery('simple', ${prefixes})`);
  }
  return and(parts);
}

export function typedPlaceholder(index: number, value: unknown): string {
  // 1e30 is an integer to JavaScript but not a bigint to PostgreSQL.
  if (typeof value === 'number')
    return Number.isSafeInteger(value) ? `$${index}::bigint` : `$${index}::float8`;
  if (typeof value === 'string') return `$${index}::text`;
  if (typeof value === 'boolean') return `$${index}::boolean`;
  return `$${index}`;
}

export const postgresDialect: Dialect = {
  inList(expr, values) {
    if (values.length === 1) return sql`${expr} = ${values[0]}`;
    return sql`${expr} IN (${list(values)})`;
  },
  noIndex: (expr) => expr,
  forceIndex: () => raw(''),
  ftsIds(q, range) {
    const within = range ? sql` AND r.id BETWEEN ${range.lo} AND ${range.hi}` : raw('');
    return sql`SELECT r.id FROM requests r WHERE ${textCondition(q)}${within}`;
  },
  ftsCandidateIds: (q) => sql`SELECT r.id FROM requests r WHERE ${textCondition(q)}`,
  ilike: (expr, pattern) => sql`${expr} ILIKE ${pattern}`,
  textExpr: (which) => raw(`r.${which}`),
  toolNamesAny: (values) => sql`r.tool_names && ARRAY[${list(values)}]`,
  toolNamesEmpty: () => raw('cardinality(r.tool_names) = 0'),
  isTrue: (expr, value) => sql`${expr} = ${raw(value ? 'true' : 'false')}`,
};
