/** Facet statements: counts kept by the triggers in facet_counts, summed over shards. */
import { raw, type Sql, sql } from '../sql/fragment.ts';
import { clamp, FACET_LIMIT, likePrefix, METADATA_VALUES_MAX } from '../sql/rules.ts';
import { METADATA_INDEX_CHARS } from './filter-sql.ts';

export function facetsStatement(): Sql {
  return sql`SELECT kind, value, extra, n FROM (
    SELECT kind, value, extra, n, row_number() OVER (PARTITION BY kind ORDER BY n DESC, value, extra) AS rank
    FROM (SELECT kind, value, extra, sum(n)::bigint AS n FROM facet_counts GROUP BY kind, value, extra) totals
    WHERE n > 0
  ) ranked WHERE rank <= ${FACET_LIMIT} ORDER BY kind, n DESC, value, extra`;
}

/** Values of one metadata key starting with `prefix`, most used first (from the trigger-kept counts). */
export function metadataValuesStatement(key: string, prefix: string, limit: number): Sql {
  const pattern = likePrefix(prefix);
  const indexed = likePrefix(prefix.slice(0, METADATA_INDEX_CHARS));
  const n = raw(String(METADATA_INDEX_CHARS));
  return sql`SELECT value, sum(n)::bigint AS n FROM metadata_value_counts
    WHERE key = ${key} AND left(value, ${n}) LIKE ${indexed} AND value LIKE ${pattern}
    GROUP BY value HAVING sum(n) > 0
    ORDER BY sum(n) DESC, value LIMIT ${clamp(limit, METADATA_VALUES_MAX)}`;
}
