/**
 * A bulk action (contract/bulk.ts) on many requests as one set-based statement, the same
 * writes as the single-request ones in write-sql.ts (facet counters follow by trigger).
 */
import type { BulkAction } from '../../../contract/bulk.ts';
import { raw, type Sql, sql } from '../sql/fragment.ts';

/** The ones that exist, locked as a single annotation write locks its request, in id order. */
export function lockRequestsStatement(ids: readonly number[]): Sql {
  return sql`SELECT id FROM requests WHERE id = ANY(${ids}::bigint[]) ORDER BY id FOR KEY SHARE`;
}

/** The two annotation tables keyed by a name per request: metadata (by key) and scores (by name). */
const METADATA = { table: raw('request_metadata'), key: raw('key') };
const SCORES = { table: raw('request_scores'), key: raw('name') };
type KeyedTable = typeof METADATA;

function upsertKeyed(these: Sql, { table, key }: KeyedTable, name: string, value: unknown): Sql {
  return sql`INSERT INTO ${table} (request_id, ${key}, value, start_ms)
    SELECT id, ${name}, ${value}, start_ms FROM requests WHERE id = ANY(${these}) ORDER BY id
    ON CONFLICT (request_id, ${key}) DO UPDATE SET value = excluded.value`;
}

function deleteKeyed(these: Sql, { table, key }: KeyedTable, name: string): Sql {
  return sql`DELETE FROM ${table} WHERE request_id = ANY(${these}) AND ${key} = ${name}`;
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
      return upsertKeyed(these, METADATA, action.key, action.value);
    case 'delete-metadata':
      return deleteKeyed(these, METADATA, action.key);
    case 'set-score':
      return upsertKeyed(these, SCORES, action.name, action.value);
    case 'delete-score':
      return deleteKeyed(these, SCORES, action.name);
  }
}
