/** Facet statements: counts kept by the triggers in facet_counts, summed over shards. */
import { raw, type Sql, sql } from '../sql/fragment.ts';
import { METADATA_INDEX_CHARS } from './filter-sql.ts';

export function facetsStatement(): Sql {
  return sql`SELECT kind, value, extra, sum(n)::bigint AS n FROM facet_counts
    GROUP BY kind, value, extra HAVING sum(n) > 0
    ORDER BY kind, sum(n) DESC, value, extra`;
}

function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Values of one metadata key starting with `prefix`, most used first. */
export function metadataValuesStatement(key: string, prefix: string, limit: number): Sql {
  const pattern = likePrefix(prefix);
  const indexed = likePrefix(prefix.slice(0, METADATA_INDEX_CHARS));
  return sql`SELECT value, count(*)::bigint AS n FROM request_metadata
    WHERE key = ${key} AND left(value, ${raw(String(METADATA_INDEX_CHARS))}) LIKE ${indexed} AND value LIKE ${pattern}
    GROUP BY value ORDER BY count(*) DESC, value LIMIT ${limit}`;
}
