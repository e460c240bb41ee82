/**
 * The embedded store: better-sqlite3 on one file in WAL mode. Every write is one transaction
 * that is committed before its promise resolves, so an acknowledged request survives a SIGKILL.
 * Reads use the dialect-neutral plans of ../sql/.
 */
import { createRequire } from 'node:module';
import { setImmediate as nextTick } from 'node:timers/promises';
import type Database from 'better-sqlite3';
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
import { PROBE_NEW_COUNT_CAP } from '../../../contract/limits.ts';
import type { TimelineQuery, TimelineResponse } from '../../../contract/timeline.ts';
import type { SpanDetail, TraceResponse } from '../../../contract/traces.ts';
import type { AuthStore } from '../auth-store.ts';
import { DatabaseCorruptError, isCorruption } from '../errors.ts';
import type { QueueStore } from '../queue-store.ts';
import type { ReviewStore } from '../review-store.ts';
import type { SpanIngest, SpanIngestResult } from '../spans.ts';
import { TRACE_READ_LIMIT } from '../spans.ts';
import { decodeCursor, encodeCursor } from '../sql/cursor.ts';
import { and, list, raw, type Sql, sql } from '../sql/fragment.ts';
import {
  applyMetaContains,
  CONTAINS_SCAN_MAX,
  containsKeys,
  resolvedUnlessTooBroad,
} from '../sql/meta-contains.ts';
import { purgeScanSql, purgeSpansScanSql } from '../sql/purge.ts';
import { SqlQueueStore } from '../sql/queue-store.ts';
import { SqlReviewStore } from '../sql/review-store.ts';
import {
  type Annotations,
  collectAnnotations,
  type DbRow,
  emptyAnnotations,
  ROW_COLUMNS,
  toRequestDetail,
  toRequestRow,
} from '../sql/rows.ts';
import {
  assembleFacets,
  clamp,
  counterFor,
  METADATA_VALUES_MAX,
  metadataCounterFor,
  SEARCH_PER_PAGE_MAX,
  SEARCH_SORT_COLUMNS,
} from '../sql/rules.ts';
import { searchAsList } from '../sql/search-as-list.ts';
import { searchFilterSql } from '../sql/search-filter.ts';
import { rowMatches, SNIPPET_HEAD_CHARS } from '../sql/text-snippet.ts';
import { assembleTimeline, planTimelineQuery, ROLLUP_BOUNDS_SQL } from '../sql/timeline-plan.ts';
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
import { sqliteAuthStore } from './auth.ts';
import { decodeBody } from './body-codec.ts';
import { type BulkLoadFinish, type BulkLoadPlan, beginBulkLoad, finishBulkLoad } from './bulk-load.ts';
import {
  Checkpointer,
  type CheckpointStats,
  DEFAULT_WAL_THRESHOLD_BYTES,
  type WriteHold,
} from './checkpointer.ts';
import { CounterDeltas } from './counters.ts';
import { sqliteDialect } from './dialect.ts';
import { candidatesOf, filterPredicate } from './filter.ts';
import {
  BUMP_CHANGE_SEQ,
  INSERT_TAG,
  type InsertRow,
  insertOne,
  insertRow,
  UPSERT_METADATA,
  UPSERT_SCORE,
} from './insert.ts';
import { readPage } from './list-page.ts';
import {
  chooseDriver,
  countSql,
  estimateSql,
  metadataCountSql,
  needsEstimates,
  type PageInput,
  probeCountSql,
} from './list-plan.ts';
import { DEFAULT_CACHE_MIB, openDatabase, type SqliteOptions } from './open-database.ts';
import { SqlitePromptRegistry } from './prompt-registry.ts';

import { ReadPool, type ReadPoolOptions } from './read-pool.ts';

import { ingestSpans, readSpan, readTrace } from './spans.ts';

import { Statements, sqliteTransactions } from './statements.ts';
import { WriteGate } from './write-gate.ts';

const dialect = sqliteDialect;
const EXPORT_BATCH = 500;
const DELETE_BATCH = 500;
/** Details (whole payloads, up to the 20 MB body limit each) held in memory at once while exporting. */
const EXPORT_DETAIL_CHUNK = 16;
const BULK_MIN_ROWS = 1000;
const BULK_CACHE_MIB = 256;
const BULK_IDLE_MS = 3000;
/** PRAGMA auto_vacuum's value for INCREMENTAL. */
const INCREMENTAL_VACUUM = 2;
/** Pages returned to the OS per incremental_vacuum step (4 MB at the default page size). */
const RECLAIM_STEP_PAGES = 1024;

interface PendingInsert {
  request: NewRequest;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

interface Page {
  ids: number[];
  next: { value: number; id: number } | null;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly auth: AuthStore;
  readonly prompts: SqlitePromptRegistry;
  readonly review: ReviewStore;
  readonly queues: QueueStore;
  private readonly statements: Statements;
  private readonly counters = new CounterDeltas();
  /** One request in its own savepoint, so a failing request leaves its batch-mates intact. */
  private readonly insertSavepoint: Database.Transaction<(request: NewRequest) => number>;
  private queue: PendingInsert[] = [];
  private closed = false;
  private bulkTimer: NodeJS.Timeout | null = null;
  private readonly gate = new WriteGate(() => {
    if (this.queue.length > 0) setImmediate(() => this.flushQueue());
  });
  private readonly checkpointer: Checkpointer | null;

  constructor(
    private readonly db: Database.Database,
    private readonly cacheMiB = DEFAULT_CACHE_MIB,
    startCheckpointer: ((hold: WriteHold) => Checkpointer) | null = null,
    /** Worker threads for user-built reads; null runs them here (workers, :memory:). */
    private readonly reads: ReadPool | null = null,
  ) {
    this.statements = new Statements(db);
    this.auth = sqliteAuthStore(this.statements);
    this.review = new SqlReviewStore({
      rows: async (fragment) => this.statements.all(fragment),
      run: async (fragment) => this.statements.run(fragment).changes,
    });
    this.queues = new SqlQueueStore(sqliteTransactions(db, this.statements), '');
    this.checkpointer = startCheckpointer?.(this.gate) ?? null;
    this.prompts = new SqlitePromptRegistry(db);
    this.insertSavepoint = db.transaction((request: NewRequest) =>
      insertOne(this.statements, request, this.counters),
    );
  }

  private totalChanges(): number {
    return Number(this.statements.prepare('SELECT total_changes() AS n').pluck().get());
  }

  /** Runs `fn` in an immediate transaction that also flushes counters and bumps the change sequence. */
  private write<T>(fn: () => T): T {
    // A transaction still open here was left open across an await (sqliteTransactions' work must
    // only await its own statements): joining it would commit or roll back these rows with it.
    if (this.db.inTransaction) throw new Error('a write began inside another open transaction');
    try {
      return this.db
        .transaction(() => {
          const before = this.totalChanges();
          const result = fn();
          // The change counter moves only when rows changed (a delete that matched nothing does not).
          const changed = this.totalChanges() !== before;
          this.counters.flush(this.statements);
          if (changed) this.statements.prepare(BUMP_CHANGE_SEQ).run();
          return result;
        })
        .immediate();
    } catch (error) {
      // Rolled back: the counts recorded for its rows never happened.
      this.counters.discard();
      this.noteError(error);
      throw error;
    }
  }

  /**
   * Group commit: the inserts that arrive within one turn of the event loop (e.g. 16 concurrent
   * HTTP clients) share one transaction, and each promise resolves only after that commit.
   * Committing each row alone would write every touched page to the WAL once per row.
   */
  insertRequest(request: NewRequest): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      if (this.closed) {
        reject(new Error('store is closed'));
        return;
      }
      this.queue.push({ request, resolve, reject });
      if (this.queue.length === 1 && !this.gate.isHeld) setImmediate(() => this.flushQueue());
    });
  }

  private flushQueue(): void {
    if (this.gate.isHeld && !this.closed) return;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: ({ ok: true; id: number } | { ok: false; error: unknown })[];
    try {
      outcomes = this.write(() =>
        batch.map((item) => {
          try {
            return { ok: true as const, id: this.insertSavepoint(item.request) };
          } catch (error) {
            // SQLITE_FULL (and I/O errors) may roll back the whole transaction, not just this
            // row's savepoint: then the batch fails as one, or later rows would autocommit.
            if (!this.db.inTransaction) throw error;
            return { ok: false as const, error };
          }
        }),
      );
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const item = batch[i] as PendingInsert;
      if (outcome.ok) item.resolve(outcome.id);
      else item.reject(outcome.error);
    });
  }

  async insertRequests(requests: NewRequest[]): Promise<number[]> {
    if (requests.length === 0) return [];
    await this.gate.open();
    if (requests.length >= BULK_MIN_ROWS) this.enterBulkCache();
    return this.write(() => requests.map((request) => insertOne(this.statements, request, this.counters)));
  }

  async insertSampleRequests(requests: NewRequest[]): Promise<number[]> {
    if (requests.length === 0) return [];
    if (requests.length >= BULK_MIN_ROWS) this.enterBulkCache();
    return this.write(() =>
      requests.map((request) => {
        const id = insertOne(this.statements, request, this.counters);
        this.statements.run(sql`INSERT INTO sample_requests (request_id) VALUES (${id})`);
        return id;
      }),
    );
  }

  async countSampleRequests(): Promise<number> {
    return Number(this.statements.get(raw('SELECT count(*) AS n FROM sample_requests'))?.n ?? 0);
  }

  async deleteSampleRequests(): Promise<number> {
    return this.write(
      () =>
        this.statements.run(raw('DELETE FROM requests WHERE id IN (SELECT request_id FROM sample_requests)'))
          .changes,
    );
  }

  /** insertRequests() for rows already turned into parameters by toInsertRow() (in a worker). */
  insertRows(rows: InsertRow[]): number[] {
    if (rows.length >= BULK_MIN_ROWS) this.enterBulkCache();
    return this.write(() => rows.map((row) => insertRow(this.statements, row, this.counters)));
  }

  /**
   * For an exclusive writer only (the seed CLI): defers full-text indexing (and, for a large
   * load, secondary indexes) until finishBulkLoad(), or the next open if the process dies first.
   */
  beginBulkLoad(expectedRows: number): BulkLoadPlan {
    this.counters.fullText.live = false;
    return beginBulkLoad(this.db, expectedRows);
  }

  finishBulkLoad(): BulkLoadFinish {
    const finished = finishBulkLoad(this.db);
    this.counters.fullText.live = true;
    return finished;
  }

  /**
   * Bulk loads (the sample-data generator) insert into every index at random places; a larger
   * page cache while they run saves most re-reads. It shrinks back once they stop, so a server
   * that loaded sample data keeps its modest memory.
   */
  private enterBulkCache(): void {
    const mib = Math.max(BULK_CACHE_MIB, this.cacheMiB);
    if (this.bulkTimer === null) this.db.pragma(`cache_size = -${mib * 1024}`);
    else clearTimeout(this.bulkTimer);
    this.bulkTimer = setTimeout(() => this.leaveBulkCache(), BULK_IDLE_MS);
    this.bulkTimer.unref();
  }

  private leaveBulkCache(): void {
    if (this.bulkTimer !== null) clearTimeout(this.bulkTimer);
    this.bulkTimer = null;
    if (this.closed) return;
    this.db.pragma(`cache_size = -${this.cacheMiB * 1024}`);
    this.db.pragma('shrink_memory');
  }

  private annotationsFor(ids: readonly number[]): Map<number, Annotations> {
    if (ids.length === 0) return new Map();
    const inIds = list(ids);
    return collectAnnotations(
      ids,
      this.statements.all(sql`SELECT request_id, tag FROM request_tags WHERE request_id IN (${inIds})`),
      this.statements.all(
        sql`SELECT request_id, key, value FROM request_metadata WHERE request_id IN (${inIds})`,
      ),
      this.statements.all(
        sql`SELECT request_id, name, value FROM request_scores WHERE request_id IN (${inIds})`,
      ),
    );
  }

  private rowsFor(ids: readonly number[]): RequestRow[] {
    if (ids.length === 0) return [];
    const rows = this.statements.all(
      sql`SELECT ${raw(ROW_COLUMNS)} FROM requests r WHERE r.id IN (${list(ids)})`,
    );
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    const annotations = this.annotationsFor(ids);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toRequestRow(row, annotations.get(id) ?? emptyAnnotations())] : [];
    });
  }

  private detailsFor(ids: readonly number[]): RequestDetail[] {
    if (ids.length === 0) return [];
    const rows = this.statements.all(
      sql`SELECT ${raw(ROW_COLUMNS)}, r.group_id, r.span_id, b.* FROM requests r JOIN request_bodies b ON b.request_id = r.id WHERE r.id IN (${list(ids)})`,
    );
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    const annotations = this.annotationsFor(ids);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toRequestDetail(withDecodedBodies(row), annotations.get(id) ?? emptyAnnotations())] : [];
    });
  }

  async getRequest(id: number): Promise<RequestDetail | null> {
    return this.detailsFor([id])[0] ?? null;
  }

  async ingestSpans(items: SpanIngest[]): Promise<SpanIngestResult[]> {
    if (items.length === 0) return [];
    return this.write(() =>
      ingestSpans(this.statements, items, (request) => insertOne(this.statements, request, this.counters)),
    );
  }

  async getTrace(traceId: string, limit = TRACE_READ_LIMIT): Promise<TraceResponse | null> {
    return readTrace(this.statements, traceId, limit);
  }

  async getSpan(traceId: string, spanId: string): Promise<SpanDetail | null> {
    return readSpan(this.statements, traceId, spanId);
  }

  /** The filter with metadata `contains` resolved to the key's values (sql/meta-contains.ts). */
  private resolved(filter: RequestFilter): RequestFilter {
    const keys = containsKeys(filter);
    if (keys.length === 0) return filter;
    const values = (key: string) =>
      this.statements
        .all(
          sql`SELECT value FROM metadata_value_counts WHERE key = ${key} AND n > 0 LIMIT ${CONTAINS_SCAN_MAX + 1}`,
        )
        .map((row) => String(row.value));
    return applyMetaContains(filter, new Map(keys.map((key) => [key, values(key)])));
  }

  private page(query: Pick<ListQuery, 'filter' | 'sort' | 'order' | 'limit'>, after: Page['next']): Page {
    const input: PageInput = {
      filter: this.resolved(query.filter),
      sort: query.sort,
      order: query.order,
      take: query.limit + 1,
      after,
    };
    const rows = readPage(this.statements, input);
    const hasMore = rows.length > query.limit;
    const kept = hasMore ? rows.slice(0, query.limit) : rows;
    const last = kept.at(-1);
    return {
      ids: kept.map((row) => Number(row.id)),
      next: hasMore && last ? { value: Number(last.sk), id: Number(last.id) } : null,
    };
  }

  async listRequests(query: ListQuery): Promise<ListResponse> {
    if (this.reads) return this.reads.run('listRequests', query).catch((e) => this.rethrow(e));
    const after = query.cursor ? decodeCursor(query.cursor, query.sort, query.order) : null;
    const page = this.page(query, after);
    const rows = this.rowsFor(page.ids);
    return {
      rows: query.filter.q ? this.withMatches(rows, query.filter.q) : rows,
      nextCursor: page.next ? encodeCursor(query.sort, query.order, page.next) : null,
    };
  }

  /** Rows with where q matched in their text (only the head of a long text is looked at). */
  private withMatches(rows: RequestRow[], q: string): RequestRow[] {
    if (rows.length === 0) return rows;
    const texts = this.statements.all(
      sql`SELECT request_id, substr(input_text, 1, ${SNIPPET_HEAD_CHARS}) AS i, substr(output_text, 1, ${SNIPPET_HEAD_CHARS}) AS o FROM request_bodies WHERE request_id IN (${list(rows.map((row) => row.id))})`,
    );
    const byId = new Map(texts.map((row) => [Number(row.request_id), row]));
    return rows.map((row) => {
      const text = byId.get(row.id);
      return text ? { ...row, ...rowMatches(String(text.i), String(text.o), q) } : row;
    });
  }

  private facetSum(kind: string, values: readonly string[]): number {
    const only = values.length > 0 ? sql` AND ${dialect.inList(raw('value'), values)}` : raw('');
    const row = this.statements.get(
      sql`SELECT COALESCE(sum(n), 0) AS n FROM facet_counts WHERE kind = ${kind}${only}`,
    );
    return Number(row?.n ?? 0);
  }

  async timeline(query: TimelineQuery): Promise<TimelineResponse> {
    if (this.reads) return this.reads.run('timeline', query);
    const bounds = this.statements.get(raw(ROLLUP_BOUNDS_SQL));
    const plan = planTimelineQuery(
      dialect,
      { ...query, filter: this.resolved(query.filter) },
      bounds,
      Date.now(),
      (filter) => filterPredicate(dialect, filter),
    );
    const results = plan.reads.map((read) => this.statements.all(read.sql));
    return assembleTimeline(plan, results, query.metric);
  }

  async countRequests(asked: RequestFilter): Promise<number> {
    if (this.reads) return this.reads.run('countRequests', asked);
    const filter = this.resolved(asked);
    // The trigger-kept counters answer the common cases exactly without touching requests.
    const counter = counterFor(filter);
    if (counter) return this.facetSum(counter.kind, counter.values);
    const metadata = metadataCounterFor(filter);
    if (metadata) return Number(this.statements.get(metadataCountSql(metadata))?.n ?? 0);
    const candidates = candidatesOf(filter);
    const estimates = needsEstimates(candidates)
      ? candidates.map((candidate) => Number(this.statements.get(estimateSql(dialect, candidate))?.n ?? 0))
      : [];
    const row = this.statements.get(countSql(dialect, filter, chooseDriver(candidates, estimates)));
    return Number(row?.n ?? 0);
  }

  async probe(after: number, filter: RequestFilter): Promise<ProbeResponse> {
    if (this.reads) return this.reads.run('probe', after, filter);
    const newest = this.statements.get(raw('SELECT COALESCE(max(id), 0) AS n FROM requests'));
    const fresh = this.statements.get(
      probeCountSql(dialect, this.resolved(filter), Math.max(0, Math.floor(after)), PROBE_NEW_COUNT_CAP),
    );
    const seq = this.statements.get(raw('SELECT change_seq AS n FROM store_state WHERE id = 1'));
    return {
      newestId: Number(newest?.n ?? 0),
      newCount: Number(fresh?.n ?? 0),
      changeSeq: Number(seq?.n ?? 0),
    };
  }

  async facets(): Promise<FacetsResponse> {
    return assembleFacets(
      this.statements.all(
        raw('SELECT kind, value, extra, n FROM facet_counts WHERE n > 0 ORDER BY kind, n DESC, value'),
      ),
    );
  }

  async metadataValues(key: string, prefix: string, limit: number): Promise<FacetValue[]> {
    const rows = this.statements.all(
      sql`SELECT value, n FROM metadata_value_counts WHERE key = ${key} AND value >= ${prefix} AND value < ${`${prefix}\u{10FFFF}`} AND n > 0 ORDER BY n DESC, value LIMIT ${clamp(limit, METADATA_VALUES_MAX)}`,
    );
    return rows.map((row) => ({ value: String(row.value), count: Number(row.n) }));
  }

  private startOf(id: number): number | null {
    const row = this.statements.prepare('SELECT start_ms FROM requests WHERE id = ?').get(id) as
      | DbRow
      | undefined;
    return row ? Number(row.start_ms) : null;
  }

  /** Runs `fn(startMs)` in a write transaction when the request exists; returns its annotations after. */
  private async annotate(id: number, fn: (startMs: number) => void): Promise<AnnotationsResponse | null> {
    await this.gate.open();
    const done = this.write(() => {
      const startMs = this.startOf(id);
      if (startMs === null) return false;
      fn(startMs);
      return true;
    });
    if (!done) return null;
    const annotations = this.annotationsFor([id]).get(id) ?? emptyAnnotations();
    return { id, ...annotations };
  }

  async setMetadata(id: number, entries: Record<string, string>): Promise<AnnotationsResponse | null> {
    return this.annotate(id, (startMs) => {
      for (const [key, value] of Object.entries(entries))
        this.applyAction(id, startMs, { kind: 'set-metadata', key, value });
    });
  }

  async deleteMetadata(id: number, key: string): Promise<AnnotationsResponse | null> {
    return this.annotate(id, (startMs) => this.applyAction(id, startMs, { kind: 'delete-metadata', key }));
  }

  async setScore(id: number, name: string, value: number): Promise<AnnotationsResponse | null> {
    return this.annotate(id, (startMs) => this.applyAction(id, startMs, { kind: 'set-score', name, value }));
  }

  async deleteScore(id: number, name: string): Promise<AnnotationsResponse | null> {
    return this.annotate(id, (startMs) => this.applyAction(id, startMs, { kind: 'delete-score', name }));
  }

  async addTag(id: number, tag: string): Promise<AnnotationsResponse | null> {
    return this.annotate(id, (startMs) => this.applyAction(id, startMs, { kind: 'add-tag', tag }));
  }

  async removeTag(id: number, tag: string): Promise<AnnotationsResponse | null> {
    return this.annotate(id, (startMs) => this.applyAction(id, startMs, { kind: 'remove-tag', tag }));
  }

  async bulkAnnotate(ids: readonly number[], action: BulkAction, options: { allOrNone?: boolean } = {}) {
    await this.gate.open();
    return this.write((): BulkResult => {
      const found: [number, number][] = [];
      const missing: number[] = [];
      for (const id of new Set(ids)) {
        const startMs = this.startOf(id);
        if (startMs === null) missing.push(id);
        else found.push([id, startMs]);
      }
      if (options.allOrNone && missing.length > 0) return { acted: [], missing };
      for (const [id, startMs] of found) this.applyAction(id, startMs, action);
      return { acted: found.map(([id]) => id), missing };
    });
  }

  /** One annotation change on one existing request, inside the caller's write transaction. */
  private applyAction(id: number, startMs: number, action: BulkAction): void {
    const run = (text: string, ...params: unknown[]) => this.statements.prepare(text).run(...params);
    switch (action.kind) {
      case 'add-tag':
        if (run(INSERT_TAG, id, action.tag, startMs).changes > 0) this.counters.facet('tag', action.tag);
        return;
      case 'remove-tag':
        run('DELETE FROM request_tags WHERE request_id = ? AND tag = ?', id, action.tag);
        return;
      case 'set-metadata': {
        const exists = this.statements.prepare(
          'SELECT 1 FROM request_metadata WHERE request_id = ? AND key = ?',
        );
        // A changed value is recounted by trigger; a new key is counted here.
        if (!exists.get(id, action.key)) this.counters.metadata(action.key, action.value);
        run(UPSERT_METADATA, id, action.key, action.value, startMs);
        return;
      }
      case 'delete-metadata':
        run('DELETE FROM request_metadata WHERE request_id = ? AND key = ?', id, action.key);
        return;
      case 'set-score': {
        const exists = this.statements.prepare(
          'SELECT 1 FROM request_scores WHERE request_id = ? AND name = ?',
        );
        if (!exists.get(id, action.name)) this.counters.facet('score_name', action.name);
        run(UPSERT_SCORE, id, action.name, action.value, startMs);
        return;
      }
      case 'delete-score':
        run('DELETE FROM request_scores WHERE request_id = ? AND name = ?', id, action.name);
        return;
    }
  }

  async linkPrompt(id: number, link: PromptLink): Promise<boolean> {
    await this.gate.open();
    return this.write(() => {
      const changed = this.statements
        .prepare('UPDATE requests SET prompt_name = ?, prompt_version = ? WHERE id = ?')
        .run(link.promptName, link.versionNumber, id).changes;
      if (changed === 0) return false;
      this.statements
        .prepare(
          'UPDATE request_bodies SET prompt_input_variables = ?, prompt_label = ? WHERE request_id = ?',
        )
        .run(
          link.promptInputVariables === null ? null : JSON.stringify(link.promptInputVariables),
          link.label,
          id,
        );
      return true;
    });
  }

  async setGroup(id: number, groupId: number): Promise<boolean> {
    await this.gate.open();
    return this.write(
      () =>
        this.statements.prepare('UPDATE requests SET group_id = ? WHERE id = ?').run(groupId, id).changes > 0,
    );
  }

  async createGroup(): Promise<number> {
    await this.gate.open();
    return this.write(() =>
      Number(
        this.statements.prepare('INSERT INTO request_groups (created_ms) VALUES (?)').run(Date.now())
          .lastInsertRowid,
      ),
    );
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    if (this.reads) return this.reads.run('search', query);
    const asList = searchAsList(query);
    // A metadata contains too broad for the list's bounded plan keeps the general compiler.
    const filter = asList ? resolvedUnlessTooBroad(() => this.resolved(asList.filter)) : null;
    if (asList && filter) {
      const { sort, order, skip, take } = asList;
      const page = this.page({ filter, sort, order, limit: skip + take }, null);
      return { rows: this.rowsFor(page.ids.slice(skip)), total: await this.countRequests(filter) };
    }
    const parts: Sql[] = [];
    if (query.filterGroup) parts.push(searchFilterSql(dialect, query.filterGroup));
    const q = query.q?.trim();
    if (q) parts.push(sql`r.id IN (${dialect.ftsIds(q)})`);
    const where = and(parts);
    const column = raw(`r.${SEARCH_SORT_COLUMNS[query.sortBy] ?? 'start_ms'}`);
    const dir = raw(query.sortOrder === 'asc' ? 'ASC' : 'DESC');
    const perPage = clamp(query.perPage, SEARCH_PER_PAGE_MAX);
    const offset = (Math.max(1, query.page) - 1) * perPage;
    const ids = this.statements
      .all(
        sql`SELECT r.id AS id FROM requests r WHERE ${where} ORDER BY ${column} ${dir}, r.id ${dir} LIMIT ${perPage} OFFSET ${offset}`,
      )
      .map((row) => Number(row.id));
    const total = Number(
      this.statements.get(sql`SELECT count(*) AS n FROM requests r WHERE ${where}`)?.n ?? 0,
    );
    return { rows: this.rowsFor(ids), total };
  }

  async *exportRequests(
    filter: RequestFilter,
    sort: Pick<ListQuery, 'sort' | 'order'>,
  ): AsyncIterable<RequestDetail> {
    let after: Page['next'] = null;
    do {
      if (this.closed) return;
      const page = this.page({ filter, sort: sort.sort, order: sort.order, limit: EXPORT_BATCH }, after);
      for (let start = 0; start < page.ids.length; start += EXPORT_DETAIL_CHUNK) {
        yield* this.detailsFor(page.ids.slice(start, start + EXPORT_DETAIL_CHUNK));
      }
      after = page.next;
      // Let other requests run between batches.
      await nextTick();
    } while (after !== null);
  }

  /**
   * Deletes in transactions of DELETE_BATCH requests, yielding to the event loop between them, so
   * deleting 100,000 requests never holds the server for the whole delete.
   */
  async deleteRequests(filter: RequestFilter): Promise<number> {
    const ids = this.statements
      .all(
        sql`SELECT r.id AS id FROM requests r WHERE ${filterPredicate(dialect, this.resolved(filter))} ORDER BY r.id`,
      )
      .map((row) => Number(row.id));
    let deleted = 0;
    for (let start = 0; start < ids.length; start += DELETE_BATCH) {
      if (start > 0) await nextTick();
      await this.gate.open();
      const batch = ids.slice(start, start + DELETE_BATCH);
      deleted += this.write(
        () => this.statements.run(sql`DELETE FROM requests WHERE id IN (${list(batch)})`).changes,
      );
    }
    return deleted;
  }

  async deleteRequestIds(ids: readonly number[], options: { allOrNone?: boolean } = {}): Promise<BulkResult> {
    await this.gate.open();
    return this.write((): BulkResult => {
      const wanted = [...new Set(ids)];
      const acted = wanted.filter((id) => this.startOf(id) !== null);
      const missing = wanted.filter((id) => !acted.includes(id));
      if ((options.allOrNone && missing.length > 0) || acted.length === 0) return { acted: [], missing };
      this.statements.run(sql`DELETE FROM requests WHERE id IN (${list(acted)})`);
      return { acted, missing };
    });
  }

  private corruption: string | null = null;

  private rethrow(error: unknown): never {
    this.noteError(error);
    throw error;
  }

  async ping(): Promise<void> {
    if (this.corruption === null) {
      try {
        this.statements.prepare('SELECT count(*) FROM store_state').get();
      } catch (error) {
        this.noteError(error);
        if (this.corruption === null) throw error;
      }
    }
    if (this.corruption !== null) throw new DatabaseCorruptError(this.corruption);
  }

  /** A damaged file is reported loudly once, and health stays unhealthy from then on. */
  noteError(error: unknown): void {
    if (!isCorruption(error) || this.corruption !== null) return;
    this.corruption = error instanceof Error ? error.message : String(error);
    console.error(
      `promptlog: THE DATABASE FILE IS DAMAGED (${this.corruption}). /api/health now answers 503; stop the server and restore from a backup.`,
    );
  }

  async purgeBatch(input: PurgeBatchInput): Promise<PurgeBatchResult> {
    const { deleted, last } = this.purgeScanned(purgeScanSql(dialect, input), 'requests', input.scan);
    return { deleted, next: last && { startMs: Number(last.start_ms), id: Number(last.id) } };
  }

  async purgeSpansBatch(input: PurgeSpansInput): Promise<PurgeSpansResult> {
    const { deleted, last } = this.purgeScanned(purgeSpansScanSql(input), 'spans', input.scan);
    return { deleted, next: last && { startUs: Number(last.start_us), id: Number(last.id) } };
  }

  /** Deletes the scanned rows not flagged kept; `last` is where the next batch starts (null: the scan came up short). */
  private purgeScanned(
    scan: Sql,
    table: 'requests' | 'spans',
    size: number,
  ): { deleted: number; last: Record<string, unknown> | null } {
    return this.write(() => {
      const scanned = this.statements.all(scan);
      const doomed = scanned.filter((row) => Number(row.kept) === 0).map((row) => Number(row.id));
      if (doomed.length > 0)
        this.statements.run(sql`DELETE FROM ${raw(table)} WHERE id IN (${list(doomed)})`);
      const last = scanned.at(-1);
      return { deleted: doomed.length, last: scanned.length < size || !last ? null : last };
    });
  }

  async storageInfo(): Promise<StorageInfo> {
    const pageSize = Number(this.db.pragma('page_size', { simple: true }));
    const pages = Number(this.db.pragma('page_count', { simple: true }));
    const free = Number(this.db.pragma('freelist_count', { simple: true }));
    const incremental = Number(this.db.pragma('auto_vacuum', { simple: true })) === INCREMENTAL_VACUUM;
    return {
      bytes: pages * pageSize,
      reclaimableBytes: incremental ? free * pageSize : null,
      reclaim: incremental ? 'incremental-vacuum' : 'reused-only',
    };
  }

  /** Incremental vacuum in steps of a few MB, so that no single write holds the lock for long. */
  async reclaimSpace(maxBytes: number): Promise<number> {
    if (Number(this.db.pragma('auto_vacuum', { simple: true })) !== INCREMENTAL_VACUUM) return 0;
    const pageSize = Number(this.db.pragma('page_size', { simple: true }));
    let returned = 0;
    while (!this.closed && returned < maxBytes) {
      const free = Number(this.db.pragma('freelist_count', { simple: true }));
      if (free === 0) break;
      const step = Math.min(free, RECLAIM_STEP_PAGES);
      this.db.pragma(`incremental_vacuum(${step})`);
      returned += step * pageSize;
      await nextTick();
    }
    return returned;
  }

  /** WAL size and checkpoint history (null for an in-memory database). */
  walStats(): CheckpointStats | null {
    return this.checkpointer?.stats() ?? null;
  }

  runtimeStats(): StoreRuntimeStats {
    const wal = this.walStats();
    return wal ? { ingestQueueDepth: this.queue.length, wal } : { ingestQueueDepth: this.queue.length };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.flushQueue();
    if (this.bulkTimer !== null) clearTimeout(this.bulkTimer);
    // The worker's connection closes first, so that this last one checkpoints and removes the WAL.
    await this.reads?.close();
    await this.checkpointer?.stop();
    try {
      this.db.pragma('optimize');
    } finally {
      this.db.close();
    }
  }
}

function withDecodedBodies(row: DbRow): DbRow {
  return {
    ...row,
    parameters: decodeBody(row.parameters),
    input: decodeBody(row.input),
    output: decodeBody(row.output),
  };
}

export async function openSqliteStore(
  file: string,
  options: SqliteOptions & { reads?: ReadPoolOptions | false } = {},
): Promise<SqliteStore> {
  const db = openDatabase(file, options);
  const thresholdBytes = options.walThresholdBytes ?? DEFAULT_WAL_THRESHOLD_BYTES;
  let startCheckpointer: ((hold: WriteHold) => Checkpointer) | null = null;
  let reads: ReadPool | null = null;
  if (file !== ':memory:') {
    db.pragma('wal_autocheckpoint = 0');
    // When a checkpoint restarts the log, the file is trimmed back to the threshold.
    db.pragma(`journal_size_limit = ${thresholdBytes}`);
    const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
    startCheckpointer = (hold) => new Checkpointer({ file, driverPath, hold, thresholdBytes });
    if (options.reads !== false) reads = new ReadPool(file, options.reads);
  }
  return new SqliteStore(db, options.cacheMiB ?? DEFAULT_CACHE_MIB, startCheckpointer, reads);
}
