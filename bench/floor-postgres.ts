/**
 * The PostgreSQL floor: the statements PostgresStore runs for each read (its exported builders),
 * sent over one direct `pg` connection from the benchmark process, returning raw rows.
 */
import pg from 'pg';
import { toConfig } from '../server/store/postgres/connection.ts';
import { postgresDialect } from '../server/store/postgres/dialect.ts';
import { facetsStatement, metadataValuesStatement } from '../server/store/postgres/facets-sql.ts';
import { filterConditions } from '../server/store/postgres/filter-sql.ts';
import {
  countStatement,
  detailStatement,
  listStatement,
  matchTextStatement,
} from '../server/store/postgres/list-sql.ts';
import { and, raw, type Sql } from '../server/store/sql/fragment.ts';
import { planTimelineQuery, ROLLUP_BOUNDS_SQL } from '../server/store/sql/timeline-plan.ts';
import type { Floor } from './read-bench.ts';
import type { FloorQuery } from './read-variants.ts';

/** The statements PostgresStore runs for the read, in order (exported for floor-postgres.test.ts). */
export function statementsFor(query: Exclude<FloorQuery, { kind: 'none' }>): Sql[] {
  // PostgresStore.search sends the page and the count together.
  if (query.kind === 'search') return [listStatement(query.list), countStatement(query.count)];
  if (query.kind === 'timeline') {
    // PostgresStore.timeline: the rollup bounds, then the plan's reads. The bench always gives
    // from and to, so the plan does not depend on the bounds' answer.
    const plan = planTimelineQuery(postgresDialect, query.query, undefined, Date.now(), (filter) =>
      and(filterConditions(filter)),
    );
    return [raw(ROLLUP_BOUNDS_SQL), ...plan.reads.map((read) => read.sql)];
  }
  return [statementFor(query)];
}

function statementFor(query: Exclude<FloorQuery, { kind: 'none' | 'search' | 'timeline' }>): Sql {
  switch (query.kind) {
    case 'list':
      return listStatement(query.query);
    case 'count':
      return countStatement(query.filter);
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
    run: async (query) => {
      if (query.kind === 'none') return null;
      const results = [];
      for (const statement of statementsFor(query))
        results.push((await client.query(toConfig(statement))).rows);
      // PostgresStore.listRequests then reads the text heads its q snippets are cut from.
      const page = results[0] ?? [];
      if (query.kind === 'list' && query.query.filter.q && page.length > 0) {
        const ids = page.slice(0, query.query.limit).map((row) => Number(row.id));
        results.push((await client.query(toConfig(matchTextStatement(ids)))).rows);
      }
      return results;
    },
    close: () => client.end(),
  };
}
