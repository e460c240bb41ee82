/**
 * The SQLite floor: the statements SqliteStore runs for each read, run here on the same database
 * file opened read-only, with the same page cache size, returning raw rows (no mapping).
 * The list page comes from the store's own readPage (sqlite/list-page.ts), the filters from its
 * builders (server/store/sqlite/); the short statements SqliteStore keeps inline are mirrored below,
 * marked "mirrors" (floor-sqlite.test.ts checks both run the same statements).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ListQuery, RequestFilter } from '../contract/api.ts';
import {
  counterFor,
  decodeCursor,
  list,
  metadataCounterFor,
  ROW_COLUMNS,
  raw,
  sql,
} from '../server/store/sql/index.ts';
import { SNIPPET_HEAD_CHARS } from '../server/store/sql/text-snippet.ts';
import { planTimelineQuery, ROLLUP_BOUNDS_SQL } from '../server/store/sql/timeline-plan.ts';
import { sqliteDialect as dialect } from '../server/store/sqlite/dialect.ts';
import { candidatesOf, filterPredicate } from '../server/store/sqlite/filter.ts';
import { readPage } from '../server/store/sqlite/list-page.ts';
import {
  chooseDriver,
  countSql,
  estimateSql,
  metadataCountSql,
  needsEstimates,
  type PageInput,
} from '../server/store/sqlite/list-plan.ts';
import { Statements } from '../server/store/sqlite/statements.ts';
import type { Floor } from './read-bench.ts';
import type { FloorQuery } from './read-variants.ts';

/** SqliteStore's default page cache (open-database.ts). */
const CACHE_MIB = 64;

export function openSqliteFloor(dataDir: string): Floor {
  const db = new Database(join(dataDir, 'promptlog.db'), { readonly: true, fileMustExist: true });
  db.pragma(`cache_size = -${CACHE_MIB * 1024}`);
  const statements = new Statements(db);

  // mirrors SqliteStore.annotationsFor
  const annotationsFor = (ids: number[]) => {
    const inIds = list(ids);
    statements.all(sql`SELECT request_id, tag FROM request_tags WHERE request_id IN (${inIds})`);
    statements.all(sql`SELECT request_id, key, value FROM request_metadata WHERE request_id IN (${inIds})`);
    statements.all(sql`SELECT request_id, name, value FROM request_scores WHERE request_id IN (${inIds})`);
  };

  // mirrors SqliteStore.rowsFor
  const rowsFor = (ids: number[]) => {
    if (ids.length === 0) return [];
    const rows = statements.all(sql`SELECT ${raw(ROW_COLUMNS)} FROM requests r WHERE r.id IN (${list(ids)})`);
    annotationsFor(ids);
    return rows;
  };

  // mirrors SqliteStore.detailsFor
  const detailsFor = (ids: number[]) => {
    const rows = statements.all(
      sql`SELECT ${raw(ROW_COLUMNS)}, r.group_id, r.span_id, b.* FROM requests r JOIN request_bodies b ON b.request_id = r.id WHERE r.id IN (${list(ids)})`,
    );
    annotationsFor(ids);
    return rows;
  };

  // SqliteStore.page's statements, from the store's own readPage
  const page = (query: ListQuery): number[] => {
    const input: PageInput = {
      filter: query.filter,
      sort: query.sort,
      order: query.order,
      take: query.limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, query.sort, query.order) : null,
    };
    return readPage(statements, input)
      .slice(0, query.limit)
      .map((row) => Number(row.id));
  };

  // mirrors SqliteStore.facetSum
  const facetSum = (kind: string, values: readonly string[]) => {
    const only = values.length > 0 ? sql` AND ${dialect.inList(raw('value'), values)}` : raw('');
    return statements.get(sql`SELECT COALESCE(sum(n), 0) AS n FROM facet_counts WHERE kind = ${kind}${only}`);
  };

  // mirrors SqliteStore.countRequests (counters for the simple cases, else a count)
  const count = (filter: RequestFilter) => {
    const counter = counterFor(filter);
    if (counter) return facetSum(counter.kind, counter.values);
    const metadata = metadataCounterFor(filter);
    if (metadata) return statements.get(metadataCountSql(metadata));
    const candidates = candidatesOf(filter);
    const estimates = needsEstimates(candidates)
      ? candidates.map((candidate) => Number(statements.get(estimateSql(dialect, candidate))?.n ?? 0))
      : [];
    return statements.get(countSql(dialect, filter, chooseDriver(candidates, estimates)));
  };

  const run = (query: FloorQuery): unknown => {
    switch (query.kind) {
      case 'list': {
        const ids = page(query.query);
        const rows = rowsFor(ids);
        // mirrors SqliteStore.withMatches: the text heads that q's snippets are cut from
        if (query.query.filter.q && ids.length > 0)
          statements.all(
            sql`SELECT request_id, substr(input_text, 1, ${SNIPPET_HEAD_CHARS}) AS i, substr(output_text, 1, ${SNIPPET_HEAD_CHARS}) AS o FROM request_bodies WHERE request_id IN (${list(ids)})`,
          );
        return rows;
      }
      case 'count':
        return count(query.filter);
      case 'detail':
        return detailsFor([query.id]);
      case 'facets':
        // mirrors SqliteStore.facets
        return statements.all(
          raw('SELECT kind, value, extra, n FROM facet_counts WHERE n > 0 ORDER BY kind, n DESC, value'),
        );
      case 'search':
        // mirrors SqliteStore.search for a filter the list planner answers
        return [rowsFor(page(query.list)), count(query.count)];
      case 'timeline': {
        // mirrors SqliteStore.timeline
        const bounds = statements.get(raw(ROLLUP_BOUNDS_SQL));
        const plan = planTimelineQuery(dialect, query.query, bounds, Date.now(), (filter) =>
          filterPredicate(dialect, filter),
        );
        return plan.reads.map((read) => statements.all(read.sql));
      }
      case 'none':
        return null;
      case 'metadataValues':
        // mirrors SqliteStore.metadataValues
        return statements.all(
          sql`SELECT value, n FROM metadata_value_counts WHERE key = ${query.key} AND value >= ${query.prefix} AND value < ${`${query.prefix}\u{10FFFF}`} AND n > 0 ORDER BY n DESC, value LIMIT ${query.limit}`,
        );
    }
  };

  return {
    run,
    async close() {
      db.close();
    },
  };
}
