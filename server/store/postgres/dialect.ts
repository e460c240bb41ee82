/**
 * server/store/sql's Dialect for PostgreSQL, so the shared compilers (PromptLayer's search
 * filter tree) run here unchanged. Placeholders are typed from the bound value (see
 * typedPlaceholder): the shared SQL is written without casts, and PostgreSQL would otherwise
 * infer a parameter's type from its column and refuse, say, 1712345678123.5 for a bigint.
 */
import { type Dialect, ftsTerms } from '../sql/dialect.ts';
import { list, raw, sql } from '../sql/fragment.ts';

/** tsquery text for free text `q`: the shared terms, every one required, the last a prefix. */
export function tsqueryText(q: string): string | null {
  const terms = ftsTerms(q);
  if (terms.length === 0) return null;
  return terms.map((term, i) => `'${term}'${i === terms.length - 1 ? ':*' : ''}`).join(' & ');
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
  name: 'postgres',
  placeholder: (index) => `$${index}`,
  inList(expr, values) {
    if (values.length === 1) return sql`${expr} = ${values[0]}`;
    return sql`${expr} IN (${list(values)})`;
  },
  noIndex: (expr) => expr,
  forceIndex: () => raw(''),
  ftsIds(q) {
    const query = tsqueryText(q);
    if (query === null) return raw('SELECT 0 WHERE false');
    return sql`SELECT id FROM requests WHERE search @@ to_tsquery('simple', ${query})`;
  },
  ilike: (expr, pattern) => sql`${expr} ILIKE ${pattern}`,
  textExpr: (which) => raw(`r.${which}`),
  toolNamesAny: (values) => sql`r.tool_names && ARRAY[${list(values)}]`,
  toolNamesEmpty: () => raw('cardinality(r.tool_names) = 0'),
  isTrue: (expr, value) => sql`${expr} = ${raw(value ? 'true' : 'false')}`,
};
