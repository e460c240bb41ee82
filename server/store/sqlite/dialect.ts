/**
 * The SQLite side of server/store/sql's Dialect: substring search through the trigram index,
 * word prefixes through FTS5, `INDEXED BY`, JSON via json_each.
 */
import type { Dialect } from '../sql/dialect.ts';
import { and, list, raw, type Sql, sql } from '../sql/fragment.ts';
import { containsPattern, parseTextQuery, trigramMatch, wordPrefixMatch } from '../sql/text-query.ts';

export const sqliteDialect: Dialect = {
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
