/**
 * The PostgreSQL floor: the statements PostgresStore runs for each read (its exported builders),
 * sent over one direct `pg` connection from the benchmark process, returning raw rows.
 */
import pg from 'pg';
import { isEmptyFilter } from '../contract/filter-query.ts';
import { toConfig } from '../server/store/postgres/connection.ts';
import { facetsStatement, metadataValuesStatement } from '../server/store/postgres/facets-sql.ts';
import { countStatement, detailStatement, listStatement } from '../server/store/postgres/list-sql.ts';
import type { Sql } from '../server/store/sql/fragment.ts';
import { sql } from '../server/store/sql/fragment.ts';
import type { Floor } from './read-bench.ts';
import type { FloorQuery } from './read-variants.ts';

function statementFor(query: Exclude<FloorQuery, { kind: 'none' }>): Sql {
  switch (query.kind) {
    case 'list':
      return listStatement(query.query);
    case 'count':
      // mirrors PostgresStore.countRequests: the status counters answer the unfiltered total
      return isEmptyFilter(query.filter)
        ? sql`SELECT sum(n)::bigint AS total FROM facet_counts WHERE kind = 'status'`
        : countStatement(query.filter);
    case 'detail':
      return detailStatement(query.id);
    case 'facets':
      return facetsStatement();
    case 'metadataValues':
      return metadataValuesStatement(query.key, query.prefix, query.limit);
  }
}

export async function openPostgresFloor(databaseUrl: string): Promise<Floor> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    run: async (query) =>
      query.kind === 'none' ? null : (await client.query(toConfig(statementFor(query)))).rows,
    close: () => client.end(),
  };
}
