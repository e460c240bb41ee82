/** The Store interface on PostgreSQL. SQL lives in the *-sql.ts builders; this file runs it. */
import type {
  AnnotationsResponse,
  FacetsResponse,
  FacetValue,
  ListQuery,
  ListResponse,
  ProbeResponse,
  RequestDetail,
  RequestFilter,
  RequestRow,
} from '../../../contract/api.ts';
import type { BulkAction } from '../../../contract/bulk.ts';
import type { TimelineQuery, TimelineResponse } from '../../../contract/timeline.ts';
import type { SpanDetail, TraceResponse } from '../../../contract/traces.ts';
import type { AuthStore } from '../auth-store.ts';
import type { QueueStore } from '../queue-store.ts';
import type { ReviewStore } from '../review-store.ts';
import type { SpanIngest, SpanIngestResult } from '../spans.ts';
import { TRACE_READ_LIMIT } from '../spans.ts';
import type { Sql } from '../sql/fragment.ts';
import { and, list, raw, sql } from '../sql/fragment.ts';
import {
  applyMetaContains,
  CONTAINS_SCAN_MAX,
  containsKeys,
  resolvedUnlessTooBroad,
} from '../sql/meta-contains.ts';
import { purgeScanSql, purgeSpansScanSql } from '../sql/purge.ts';
import { SqlQueueStore } from '../sql/queue-store.ts';
import { SqlReviewStore } from '../sql/review-store.ts';
import { assembleFacets } from '../sql/rules.ts';
import { searchAsList } from '../sql/search-as-list.ts';
import { rowMatches } from '../sql/text-snippet.ts';
import {
  assembleTimeline,
  planTimelineQuery,
  ROLLUP_BOUNDS_SQL,
  type TimelineRow,
} from '../sql/timeline-plan.ts';
import type {
  BulkResult,
  NewRequest,
  PromptLink,
  PurgeBatchInput,
  PurgeBatchResult,
  PurgeSpansInput,
  PurgeSpansResult,
  SearchQuery,
  SearchResult,
  StorageInfo,
  Store,
  StoreRuntimeStats,
} from '../store.ts';
import { postgresAuthStore } from './auth.ts';
import { bulkActionStatement, lockRequestsStatement } from './bulk-sql.ts';
import { Connection, type ConnectionOptions, type Row } from './connection.ts';
import { postgresDialect } from './dialect.ts';
import { facetsStatement, metadataValuesStatement } from './facets-sql.ts';
import { filterConditions } from './filter-sql.ts';
import { InsertBatcher } from './insert-batcher.ts';
import {
  countStatement,
  DETAIL_COLUMNS,
  deleteIdsStatement,
  detailStatement,
  encodeCursor,
  keysetOf,
  listStatement,
  matchTextStatement,
  probeStatement,
  ROW_COLUMNS,
} from './list-sql.ts';
import { PostgresPromptRegistry } from './prompt-registry.ts';
import { toAnnotations, toDetail, toRow } from './rows.ts';
import { searchCountStatement, searchPageStatement } from './search-sql.ts';
import { ingestSpans, readSpan, readTrace } from './spans.ts';
import {
  addTagStatement,
  annotationsStatement,
  createGroupStatement,
  deleteMetadataStatement,
  deleteScoreStatement,
  insertStatement,
  linkPromptStatement,
  lockRequestStatement,
  removeTagStatement,
  setGroupStatement,
  upsertMetadataStatement,
  upsertScoreStatement,
} from './write-sql.ts';

/** Rows per export batch: bounded memory whatever the export's size. */
export const EXPORT_BATCH = 200;
const DELETE_BATCH = 1000;
const INSERT_STATEMENT_NAME = 'promptlog_insert_requests_v2';

const DETAIL_AND_ROW = sql`${ROW_COLUMNS}, ${DETAIL_COLUMNS}`;

/** What one purge statement did: rows deleted, and the last row scanned (null when the scan came up short). */
interface PurgeScanned {
  deleted: number;
  last: { time: number; id: number } | null;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly connection: Connection;
  readonly auth: AuthStore;
  private readonly closeAuth: () => Promise<void>;
  readonly prompts: PostgresPromptRegistry;
  readonly review: ReviewStore;
  readonly queues: QueueStore;

  private readonly batcher = new InsertBatcher((requests) => this.insertRequests(requests));

  constructor(url: string, options: ConnectionOptions = {}) {
    this.connection = new Connection(url, options);
    const auth = postgresAuthStore(this.connection);
    this.auth = auth.auth;
    this.closeAuth = auth.close;
    this.prompts = new PostgresPromptRegistry(this.connection);
    this.review = new SqlReviewStore({
      rows: async (fragment) => (await this.connection.query(fragment)).rows,
      run: async (fragment) => (await this.connection.query(fragment)).rowCount ?? 0,
    });
    this.queues = new SqlQueueStore(
      {
        rows: async (fragment) => (await this.connection.query(fragment)).rows,
        run: async (fragment) => (await this.connection.query(fragment)).rowCount ?? 0,
        transaction: (work) =>
          this.connection.transaction((run) =>
            work({
              rows: async (fragment) => (await run(fragment)).rows,
              run: async (fragment) => (await run(fragment)).rowCount ?? 0,
            }),
          ),
      },
      ' FOR UPDATE',
    );
  }

  private q<T extends Row = Row>(fragment: Sql) {
    return this.connection.query<T>(fragment);
  }

  /** Grouped with the inserts arriving in the same event-loop turn; resolves after the commit. */
  insertRequest(request: NewRequest): Promise<number> {
    return this.batcher.insert(request);
  }

  async insertRequests(requests: NewRequest[]): Promise<number[]> {
    if (requests.length === 0) return [];
    // One statement text whatever the batch (the values travel as arrays): prepared once per connection.
    const result = await this.connection.query<{ id: string }>(
      insertStatement(requests),
      INSERT_STATEMENT_NAME,
    );
    return result.rows.map((row) => Number(row.id));
  }

  async insertSampleRequests(requests: NewRequest[]): Promise<number[]> {
    if (requests.length === 0) return [];
    return this.connection.transaction(async (run) => {
      const result = await run<{ id: string }>(insertStatement(requests));
      const ids = result.rows.map((row) => Number(row.id));
      await run(sql`INSERT INTO sample_requests (request_id) SELECT unnest(${ids}::bigint[])`);
      return ids;
    });
  }

  async countSampleRequests(): Promise<number> {
    const result = await this.q<{ n: string }>(sql`SELECT count(*) AS n FROM sample_requests`);
    return Number(result.rows[0]?.n ?? 0);
  }

  async deleteSampleRequests(): Promise<number> {
    const result = await this.q(
      sql`DELETE FROM requests WHERE id IN (SELECT request_id FROM sample_requests)`,
    );
    return result.rowCount ?? 0;
  }

  async getRequest(id: number): Promise<RequestDetail | null> {
    if (!Number.isSafeInteger(id)) return null;
    const result = await this.q(detailStatement(id));
    const row = result.rows[0];
    return row ? toDetail(row) : null;
  }

  ingestSpans(items: SpanIngest[]): Promise<SpanIngestResult[]> {
    return items.length === 0 ? Promise.resolve([]) : ingestSpans(this.connection, items);
  }

  getTrace(traceId: string, limit = TRACE_READ_LIMIT): Promise<TraceResponse | null> {
    return readTrace(this.connection, traceId, limit);
  }

  getSpan(traceId: string, spanId: string): Promise<SpanDetail | null> {
    return readSpan(this.connection, traceId, spanId);
  }

  async listRequests(query: ListQuery): Promise<ListResponse> {
    const page = await this.listPage(query);
    return { ...page, rows: query.filter.q ? await this.withMatches(page.rows, query.filter.q) : page.rows };
  }

  /** The filter with metadata `contains` resolved to the key's values (sql/meta-contains.ts). */
  private async resolved(filter: RequestFilter): Promise<RequestFilter> {
    const keys = containsKeys(filter);
    if (keys.length === 0) return filter;
    const values = async (key: string): Promise<[string, string[]]> => {
      const result = await this.connection.timedRead<{ value: string }>(
        sql`SELECT value FROM metadata_value_counts WHERE key = ${key} GROUP BY value HAVING sum(n) > 0 LIMIT ${CONTAINS_SCAN_MAX + 1}`,
      );
      return [key, result.rows.map((row) => row.value)];
    };
    return applyMetaContains(filter, new Map(await Promise.all(keys.map(values))));
  }

  /** A list page without match snippets (PromptLayer's search has no place for them). */
  private async listPage(asked: ListQuery): Promise<ListResponse> {
    const query = { ...asked, filter: await this.resolved(asked.filter) };
    const result = await this.connection.timedRead(listStatement(query));
    const rows = result.rows.slice(0, query.limit);
    const last = rows.at(-1);
    const nextCursor =
      result.rows.length > query.limit && last
        ? encodeCursor(query.sort, query.order, keysetOf(query.sort, last))
        : null;
    return { rows: rows.map(toRow), nextCursor };
  }

  /** Rows with where q matched in their text (only the head of a long text is looked at). */
  private async withMatches(rows: RequestRow[], q: string): Promise<RequestRow[]> {
    if (rows.length === 0) return rows;
    const result = await this.q(matchTextStatement(rows.map((row) => row.id)));
    const byId = new Map(result.rows.map((row) => [Number(row.id), row]));
    return rows.map((row) => {
      const text = byId.get(row.id);
      return text ? { ...row, ...rowMatches(String(text.i), String(text.o), q) } : row;
    });
  }

  async countRequests(filter: RequestFilter): Promise<number> {
    const statement = countStatement(await this.resolved(filter));
    const result = await this.connection.timedRead<{ total: string }>(statement);
    return Number(result.rows[0]?.total ?? 0);
  }

  async probe(after: number, filter: RequestFilter): Promise<ProbeResponse> {
    const result = await this.connection.timedRead(probeStatement(after, await this.resolved(filter)));
    const row = result.rows[0] ?? {};
    return {
      newestId: Number(row.newest_id ?? 0),
      newCount: Number(row.new_count ?? 0),
      changeSeq: Number(row.change_seq ?? 0),
    };
  }

  async timeline(query: TimelineQuery): Promise<TimelineResponse> {
    const bounds = (await this.connection.timedRead(raw(ROLLUP_BOUNDS_SQL))).rows[0];
    const resolvedQuery = { ...query, filter: await this.resolved(query.filter) };
    const plan = planTimelineQuery(postgresDialect, resolvedQuery, bounds, Date.now(), (filter) =>
      and(filterConditions(filter)),
    );
    const results = await Promise.all(
      plan.reads.map(async (read) => (await this.connection.timedRead<TimelineRow>(read.sql)).rows),
    );
    return assembleTimeline(plan, results, query.metric);
  }

  async facets(): Promise<FacetsResponse> {
    return assembleFacets((await this.q(facetsStatement())).rows);
  }

  async metadataValues(key: string, prefix: string, limit: number): Promise<FacetValue[]> {
    const result = await this.q<{ value: string; n: string }>(metadataValuesStatement(key, prefix, limit));
    return result.rows.map((row) => ({ value: row.value, count: Number(row.n) }));
  }

  /** Runs one annotation write in a transaction and answers the request's annotations after it. */
  private annotate(id: number, write: Sql): Promise<AnnotationsResponse | null> {
    if (!Number.isSafeInteger(id)) return Promise.resolve(null);
    return this.connection.transaction(async (run) => {
      const lock = await run(lockRequestStatement(id));
      if (lock.rowCount === 0) return null;
      await run(write);
      const after = await run(annotationsStatement(id));
      return toAnnotations(id, after.rows[0] ?? {});
    });
  }

  setMetadata(id: number, entries: Record<string, string>) {
    return this.annotate(id, upsertMetadataStatement(id, entries));
  }

  deleteMetadata(id: number, key: string) {
    return this.annotate(id, deleteMetadataStatement(id, key));
  }

  setScore(id: number, name: string, value: number) {
    return this.annotate(id, upsertScoreStatement(id, name, value));
  }

  deleteScore(id: number, name: string) {
    return this.annotate(id, deleteScoreStatement(id, name));
  }

  addTag(id: number, tag: string) {
    return this.annotate(id, addTagStatement(id, tag));
  }

  removeTag(id: number, tag: string) {
    return this.annotate(id, removeTagStatement(id, tag));
  }

  bulkAnnotate(ids: readonly number[], action: BulkAction, options: { allOrNone?: boolean } = {}) {
    return this.onExisting(ids, options, (run, acted) => run(bulkActionStatement(acted, action)));
  }

  /**
   * Runs `act` in one transaction on the ids that exist, locked in id order as a single annotation
   * write locks its request; with allOrNone, on none of them when any is missing.
   */
  private onExisting(
    ids: readonly number[],
    { allOrNone = false }: { allOrNone?: boolean },
    act: (run: (fragment: Sql) => Promise<unknown>, acted: number[]) => Promise<unknown>,
  ): Promise<BulkResult> {
    const wanted = [...new Set(ids)];
    return this.connection.transaction(async (run): Promise<BulkResult> => {
      const safe = wanted.filter((id) => Number.isSafeInteger(id));
      const locked = safe.length === 0 ? [] : (await run<{ id: string }>(lockRequestsStatement(safe))).rows;
      const acted = locked.map((row) => Number(row.id));
      const found = new Set(acted);
      const missing = wanted.filter((id) => !found.has(id));
      if ((allOrNone && missing.length > 0) || acted.length === 0) return { acted: [], missing };
      await act(run, acted);
      return { acted, missing };
    });
  }

  async linkPrompt(id: number, link: PromptLink): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    const result = await this.q(linkPromptStatement(id, link));
    return (result.rowCount ?? 0) > 0;
  }

  async setGroup(id: number, groupId: number): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    const result = await this.q(setGroupStatement(id, groupId));
    return (result.rowCount ?? 0) > 0;
  }

  async createGroup(): Promise<number> {
    const result = await this.q<{ id: string }>(createGroupStatement());
    return Number(result.rows[0]?.id);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const asList = searchAsList(query);
    // A metadata contains too broad for the list's bounded plan keeps the general compiler.
    const filter = asList ? await resolvedUnlessTooBroad(() => this.resolved(asList.filter)) : null;
    if (asList && filter) {
      const { sort, order, skip, take } = asList;
      const [listed, total] = await Promise.all([
        this.listPage({ filter, sort, order, limit: skip + take }),
        this.countRequests(filter),
      ]);
      return { rows: listed.rows.slice(skip), total };
    }
    const [page, count] = await Promise.all([
      this.connection.timedRead(searchPageStatement(query, ROW_COLUMNS)),
      this.connection.timedRead<{ total: string }>(searchCountStatement(query)),
    ]);
    return { rows: page.rows.map(toRow), total: Number(count.rows[0]?.total ?? 0) };
  }

  async *exportRequests(
    asked: RequestFilter,
    sort: Pick<ListQuery, 'sort' | 'order'>,
  ): AsyncIterable<RequestDetail> {
    const filter = await this.resolved(asked);
    let cursor: string | undefined;
    for (;;) {
      const query: ListQuery = { filter, sort: sort.sort, order: sort.order, limit: EXPORT_BATCH, cursor };
      const result = await this.q(listStatement(query, DETAIL_AND_ROW));
      const rows = result.rows.slice(0, EXPORT_BATCH);
      for (const row of rows) yield toDetail(row);
      const last = rows.at(-1);
      if (result.rows.length <= EXPORT_BATCH || !last) return;
      cursor = encodeCursor(sort.sort, sort.order, keysetOf(sort.sort, last));
    }
  }

  async deleteRequests(filter: RequestFilter): Promise<number> {
    // In batches, each its own statement: a large delete never holds locks for the whole of it.
    const statement = deleteIdsStatement(await this.resolved(filter));
    const ids = (await this.q<{ id: string }>(statement)).rows.map((row) => Number(row.id));
    let deleted = 0;
    for (let start = 0; start < ids.length; start += DELETE_BATCH) {
      const batch = ids.slice(start, start + DELETE_BATCH);
      deleted += (await this.q(sql`DELETE FROM requests WHERE id IN (${list(batch)})`)).rowCount ?? 0;
    }
    return deleted;
  }

  deleteRequestIds(ids: readonly number[], options: { allOrNone?: boolean } = {}) {
    return this.onExisting(ids, options, (run, acted) =>
      run(sql`DELETE FROM requests WHERE id = ANY(${acted}::bigint[])`),
    );
  }

  async ping(): Promise<void> {
    await this.q(sql`SELECT 1`);
  }

  async purgeBatch(input: PurgeBatchInput): Promise<PurgeBatchResult> {
    const scan = purgeScanSql(postgresDialect, input);
    const { deleted, last } = await this.purgeScanned(scan, raw('requests'), raw('start_ms'), input.scan);
    return { deleted, next: last && { startMs: last.time, id: last.id } };
  }

  async purgeSpansBatch(input: PurgeSpansInput): Promise<PurgeSpansResult> {
    const scan = purgeSpansScanSql(input);
    const { deleted, last } = await this.purgeScanned(scan, raw('spans'), raw('start_us'), input.scan);
    return { deleted, next: last && { startUs: last.time, id: last.id } };
  }

  /**
   * Deletes the scanned rows not flagged kept, in one statement (the scan and the delete see the
   * same rows, in one short transaction); `last` is where the next batch starts, null when the
   * scan came up short.
   */
  private async purgeScanned(scan: Sql, table: Sql, time: Sql, size: number): Promise<PurgeScanned> {
    const result = await this.q(sql`WITH scan AS MATERIALIZED (${scan}),
      gone AS (DELETE FROM ${table} WHERE id IN (SELECT id FROM scan WHERE kept = 0) RETURNING id)
      SELECT (SELECT count(*) FROM gone)::bigint AS deleted, (SELECT count(*) FROM scan)::bigint AS scanned,
        l.${time} AS last_time, l.id
      FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT ${time}, id FROM scan ORDER BY ${time} DESC, id DESC LIMIT 1) l ON true`);
    const row = result.rows[0] ?? {};
    const scanned = Number(row.scanned ?? 0);
    const done = scanned < size || row.id === null || row.id === undefined;
    return {
      deleted: Number(row.deleted ?? 0),
      last: done ? null : { time: Number(row.last_time), id: Number(row.id) },
    };
  }

  /** Promptlog's tables in the current schema, with their indexes and TOAST. */
  async storageInfo(): Promise<StorageInfo> {
    const result = await this.q(
      sql`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
    );
    return { bytes: Number(result.rows[0]?.bytes ?? 0), reclaimableBytes: null, reclaim: 'autovacuum' };
  }

  /** Autovacuum makes deleted rows' space reusable; returning it to the OS needs VACUUM FULL or dropping partitions (README). */
  async reclaimSpace(): Promise<number> {
    return 0;
  }

  runtimeStats(): StoreRuntimeStats {
    const pool = this.connection.pool;
    return {
      ingestQueueDepth: this.batcher.depth,
      pool: {
        max: pool.options.max ?? 10,
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
      },
    };
  }

  async close(): Promise<void> {
    await this.closeAuth();
    await this.connection.close();
  }
}
