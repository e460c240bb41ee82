/**
 * A bulk action (contract/bulk.ts) on many requests as one set-based statement, the same
 * writes as the single-request ones in write-sql.ts (facet counters follow by trigger).
 */
import type { BulkAction } from '../../../contract/bulk.ts';
import { type Sql, sql } from '../sql/fragment.ts';

/** The ones that exist, locked as a single annotation write locks its request, in id order. */
export function lockRequestsStatement(ids: readonly number[]): Sql {
  return sql`SELECT id FROM requests WHERE id = ANY(${ids}::bigint[]) ORDER BY id FOR KEY SHARE`;
}

export function bulkActionStatement(ids: readonly number[], action: BulkAction): Sql {
  const these = sql`${ids}::bigint[]`;
  switch (action.kind) {
    case 'add-tag':
      return sql`INSERT INTO request_tags (request_id, tag, start_ms)
        SELECT id, ${action.tag}, start_ms FROM requests WHERE id = ANY(${these}) ORDER BY id ON CONFLICT DO NOTHING`;
    case 'remove-tag':
      return sql`DELETE FROM request_tags WHERE request_id = ANY(${these}) AND tag = ${action.tag}`;
    case 'set-metadata':
      return sql`INSERT INTO request_metadata (request_id, key, value, start_ms)
        SELECT id, ${action.key}, ${action.value}, start_ms FROM requests WHERE id = ANY(${these}) ORDER BY id
        ON CONFLICT (request_id, key) DO UPDATE SET value = excluded.value`;
    case 'delete-metadata':
      return sql`DELETE FROM request_metadata WHERE request_id = ANY(${these}) AND key = ${action.key}`;
    case 'set-score':
      return sql`INSERT INTO request_scores (request_id, name, value, start_ms)
        SELECT id, ${action.name}, ${action.value}, start_ms FROM requests WHERE id = ANY(${these}) ORDER BY id
        ON CONFLICT (request_id, name) DO UPDATE SET value = excluded.value`;
    case 'delete-score':
      return sql`DELETE FROM request_scores WHERE request_id = ANY(${these}) AND name = ${action.name}`;
  }
}
