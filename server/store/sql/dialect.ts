/**
 * What differs between the SQL of the two adapters. Everything else in server/store/sql/ is
 * plain SQL both SQLite and PostgreSQL accept, over tables with the same names and columns:
 *   requests r (id, start_ms, end_ms, latency_ms, provider, model, status, input_tokens,
 *     output_tokens, total_tokens, price, prompt_name, is_tool_call, is_json, …)
 *   request_tags (request_id, tag, start_ms)
 *   request_metadata (request_id, key, value, start_ms)
 *   request_scores (request_id, name, value, start_ms)
 *   facet_counts (kind, value, extra, n)   [PostgreSQL may shard it: sum(n) is always used]
 * start_ms in the side tables is a copy of the request's start time, so a tag/metadata/score
 * filter sorted by time is one index range scan on (tag|key,value|name, start_ms, request_id).
 */
import { and, list, raw, type Sql, sql } from './fragment.ts';
import { containsPattern, parseTextQuery, trigramMatch, wordPrefixMatch } from './text-query.ts';

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** The n-th (1-based) bound parameter. */
  placeholder(index: number): string;
  /** `expr IN (…values)`; values is never empty. */
  inList(expr: Sql, values: readonly unknown[]): Sql;
  /**
   * The same expression, hidden from the planner's index choice (SQLite: unary `+`), so that
   * the query's shape, not a guess, decides which index drives it. PostgreSQL: unchanged.
   */
  noIndex(expr: Sql): Sql;
  /** Pins the table before it to the named index (SQLite: `INDEXED BY`); PostgreSQL: nothing. */
  forceIndex(name: string): Sql;
  /**
   * A subquery selecting the ids of requests whose input or output text matches free text `q`,
   * optionally only ids within [range.lo, range.hi].
   */
  ftsIds(q: string, range?: { lo: Sql; hi: Sql }): Sql;
  /** A cheap superset of ftsIds(q) (index candidates, unconfirmed): for estimating how many match. */
  ftsCandidateIds(q: string): Sql;
  /** Case-insensitive LIKE with `\` as the escape character. */
  ilike(expr: Sql, pattern: string): Sql;
  /** The request's input or output text (r is the requests alias in scope). */
  textExpr(which: 'input_text' | 'output_text'): Sql;
  /** The request (alias r) has at least one of these tool names. */
  toolNamesAny(values: readonly string[]): Sql;
  /** The request (alias r) has no tool names. */
  toolNamesEmpty(): Sql;
  /** A boolean column compared to true/false. */
  isTrue(expr: Sql, value: boolean): Sql;
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  placeholder: () => '?',
  inList(expr, values) {
    if (values.length === 1) return sql`${expr} = ${values[0]}`;
    return sql`${expr} IN (${list(values)})`;
  },
  noIndex: (expr) => sql`+${expr}`,
  forceIndex: (name) => raw(` INDEXED BY ${name}`),
  ftsIds: (q, range) => sqliteTextIds(q, range, true),
  ftsCandidateIds: (q) => sqliteTextIds(q, undefined, false),
  ilike: (expr, pattern) => sql`${expr} LIKE ${pattern} ESCAPE '\\'`,
  textExpr: (which) => raw(`(SELECT b.${which} FROM request_bodies b WHERE b.request_id = r.id)`),
  toolNamesAny(values) {
    return sql`EXISTS (SELECT 1 FROM request_bodies b, json_each(b.tool_names) j WHERE b.request_id = r.id AND j.value IN (${list(values)}))`;
  },
  toolNamesEmpty: () =>
    raw(`NOT EXISTS (SELECT 1 FROM request_bodies b, json_each(b.tool_names) j WHERE b.request_id = r.id)`),
  isTrue: (expr, value) => sql`${expr} = ${raw(value ? '1' : '0')}`,
};

/** Escapes LIKE wildcards so that user text matches literally (escape character `\`). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * SQLite: substring terms through the trigram index (requests_trgm, detail=none, so its
 * matches are candidates that a LIKE on the stored text confirms), word prefixes through the
 * word index (requests_fts). See text-query.ts.
 */
function sqliteTextIds(q: string, range: { lo: Sql; hi: Sql } | undefined, exact: boolean): Sql {
  const query = parseTextQuery(q);
  if (query === null) return raw('SELECT 0 WHERE 1 = 0');
  const trigrams = trigramMatch(query);
  const words = wordPrefixMatch(query);
  const within = range ? sql` AND rowid BETWEEN ${range.lo} AND ${range.hi}` : raw('');
  const wordIds = sql`SELECT rowid FROM requests_fts WHERE requests_fts MATCH ${words}${within}`;
  if (trigrams === null) return wordIds;
  const parts: Sql[] = [sql`requests_trgm MATCH ${trigrams}`];
  if (range) parts.push(sql`rowid BETWEEN ${range.lo} AND ${range.hi}`);
  if (exact) {
    const confirm = query.substrings.map((term) => {
      const pattern = containsPattern(term);
      return sql`(b.input_text LIKE ${pattern} ESCAPE '\\' OR b.output_text LIKE ${pattern} ESCAPE '\\')`;
    });
    parts.push(
      sql`EXISTS (SELECT 1 FROM request_bodies b WHERE b.request_id = requests_trgm.rowid AND ${and(confirm)})`,
    );
  }
  if (words !== null) parts.push(sql`rowid IN (${wordIds})`);
  return sql`SELECT rowid FROM requests_trgm WHERE ${and(parts)}`;
}
