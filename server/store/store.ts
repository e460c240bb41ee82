/**
 * The storage contract. Two adapters implement it (sqlite/, postgres/); routes only ever talk
 * to this interface, and the storage contract suite (testing/contract-suite.ts) runs unchanged
 * against both.
 */

import type {
  AnnotationsResponse,
  FacetsResponse,
  FacetValue,
  ListQuery,
  ListResponse,
  ProbeResponse,
  RequestDetail,
  RequestFilter,
  RequestStatus,
} from '../../contract/api.ts';
import type { BulkAction } from '../../contract/bulk.ts';
import type { SearchFilterGroup, SearchSortField } from '../../contract/promptlayer-search.ts';
import type { TimelineQuery, TimelineResponse } from '../../contract/timeline.ts';
import type { AuthStore } from './auth-store.ts';
import type { PromptRegistry } from './prompt-registry.ts';
import type { QueueStore } from './queue-store.ts';
import type { ReviewStore } from './review-store.ts';
import type { SpanStore } from './spans.ts';

/**
 * A request ready to be stored: validated and normalised by the ingest layer
 * (timestamps in epoch ms, string content turned into blocks, camelCase aliases folded),
 * with the search columns already derived.
 */
export interface NewRequest {
  provider: string;
  model: string;
  functionName: string | null;
  apiType: string | null;
  status: RequestStatus;
  errorType: string | null;
  errorMessage: string | null;
  startMs: number;
  endMs: number;
  inputTokens: number;
  outputTokens: number;
  /** USD; 0 when the client sent none. */
  price: number;
  promptName: string | null;
  promptId: string | null;
  promptVersionNumber: number | null;
  promptInputVariables: Record<string, unknown> | null;
  parameters: Record<string, unknown>;
  /** Prompt templates (blueprints) as received, after normalisation. */
  input: unknown;
  output: unknown;
  /** Derived for search: every input message as "[role]: text", joined by newlines. */
  inputText: string;
  /** Derived for search: the output's text. */
  outputText: string;
  /** Derived at ingest: what the table shows of the input (the last user message) and output. */
  inputPreview: string;
  outputPreview: string;
  isToolCall: boolean;
  toolNames: string[];
  /** True when the output text parses as a JSON object or array. */
  isJson: boolean;
  tags: string[];
  metadata: Record<string, string>;
  /** Named scores, 0-100. */
  scores: Record<string, number>;
  groupId: number | null;
  /** OpenTelemetry trace (32 lowercase hex) this request belongs to; absent or null when none. */
  traceId?: string | null;
  /** OpenTelemetry span (16 lowercase hex) of this request, e.g. the /track-request `span_id`. */
  spanId?: string | null;
}

export interface BulkResult {
  acted: number[];
  missing: number[];
}

export interface PromptLink {
  promptName: string;
  promptInputVariables: Record<string, unknown> | null;
  versionNumber: number | null;
  label: string | null;
}

/** PromptLayer's search (docs/wire-contract.md §6), its filter tree parsed by the contract. */
export interface SearchQuery {
  filterGroup: SearchFilterGroup | null;
  q: string | null;
  sortBy: SearchSortField;
  sortOrder: 'asc' | 'desc';
  page: number;
  perPage: number;
}

export interface SearchResult {
  rows: RequestRow[];
  total: number;
}

type RequestRow = ListResponse['rows'][number];

/** What retention never deletes, however old. */
export interface RetentionKeep {
  /** Requests with at least one score. */
  scored: boolean;
  /** Requests with any of these tags. */
  tags: readonly string[];
}

/** A position in the time order (start_ms, id). */
export interface TimePosition {
  startMs: number;
  id: number;
}

export interface PurgeBatchInput {
  /** Requests that started before this are deleted (unless kept). */
  beforeMs: number;
  keep: RetentionKeep;
  /** Requests looked at in this batch, oldest first, after `after`. */
  scan: number;
  after: TimePosition | null;
}

export interface PurgeBatchResult {
  deleted: number;
  /** Where the next batch continues; null when nothing older than beforeMs is left to look at. */
  next: TimePosition | null;
}

/** A position in the spans' time order (start_us, id). */
export interface SpanPosition {
  startUs: number;
  id: number;
}

export interface PurgeSpansInput {
  /** Spans that started before this are deleted, unless their trace still has a request. */
  beforeMs: number;
  /** Spans looked at in this batch, oldest first, after `after`. */
  scan: number;
  after: SpanPosition | null;
}

export interface PurgeSpansResult {
  deleted: number;
  next: SpanPosition | null;
}

export interface StorageInfo {
  /** Bytes the database uses on disk (SQLite: the file; PostgreSQL: Promptlog's tables with their indexes and TOAST). */
  bytes: number;
  /** Free pages inside that size that reclaimSpace() can return to the OS; null when it cannot. */
  reclaimableBytes: number | null;
  /** How space is reclaimed on this store. */
  reclaim: 'incremental-vacuum' | 'reused-only' | 'autovacuum';
}

/** SQLite's write-ahead log and its checkpoints (see sqlite/checkpointer.ts). */
export interface WalStats {
  /** Size of the -wal file on disk. */
  walFileBytes: number;
  /** Bytes of the log in use (frames since the last restart). */
  walLogBytes: number;
  /** Largest -wal file size seen since the store opened. */
  walFileHighWaterBytes: number;
  /** Epoch ms of the last checkpoint that copied every frame (0 = none yet). */
  lastCompleteCheckpointMs: number;
  checkpoints: number;
  restarts: number;
  truncates: number;
  /** Times new writes were held for a restart or truncate, and for how long in total / at most. */
  holds: number;
  holdMsTotal: number;
  holdMsMax: number;
  errors: number;
}

/** What an operator graphs about the store (GET /metrics). */
export interface StoreRuntimeStats {
  /** Inserts waiting for their group commit. */
  ingestQueueDepth: number;
  /** SQLite on a file. */
  wal?: WalStats;
  /** PostgreSQL: connections of this process's pool. */
  pool?: { max: number; total: number; idle: number; waiting: number };
}

export interface Store extends SpanStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Accounts, sessions, keys, annotation history, audit log. */
  readonly auth: AuthStore;
  /** Prompt templates, versions and release labels (prompt-registry.ts). */
  readonly prompts: PromptRegistry;
  /** Score definitions and score comments (review-store.ts). */
  readonly review: ReviewStore;
  /** Review queues: items, leases, reviews (queue-store.ts). */
  readonly queues: QueueStore;

  /** Commits the request (durably, before resolving) and returns its new id. */
  insertRequest(request: NewRequest): Promise<number>;
  /** Bulk path for the sample-data generator: one transaction per call. */
  insertRequests(requests: NewRequest[]): Promise<number[]>;
  /** insertRequests() that also marks the rows as sample data, in the same transaction. */
  insertSampleRequests(requests: NewRequest[]): Promise<number[]>;
  /** How many requests the sample-data generator created that still exist. */
  countSampleRequests(): Promise<number>;
  /** Deletes exactly the requests the sample-data generator created; returns how many. */
  deleteSampleRequests(): Promise<number>;

  getRequest(id: number): Promise<RequestDetail | null>;
  /** Keyset-paginated list; never uses OFFSET. */
  listRequests(query: ListQuery): Promise<ListResponse>;
  countRequests(filter: RequestFilter): Promise<number>;
  probe(after: number, filter: RequestFilter): Promise<ProbeResponse>;
  facets(): Promise<FacetsResponse>;
  /** Requests over time for a filter (contract/timeline.ts), from rollups kept at ingest where they answer it. */
  timeline(query: TimelineQuery): Promise<TimelineResponse>;
  metadataValues(key: string, prefix: string, limit: number): Promise<FacetValue[]>;

  /** Per-key upsert; keys not named are kept. Returns null when the request does not exist. */
  setMetadata(id: number, entries: Record<string, string>): Promise<AnnotationsResponse | null>;
  deleteMetadata(id: number, key: string): Promise<AnnotationsResponse | null>;
  /** Upsert by name. */
  setScore(id: number, name: string, value: number): Promise<AnnotationsResponse | null>;
  deleteScore(id: number, name: string): Promise<AnnotationsResponse | null>;
  addTag(id: number, tag: string): Promise<AnnotationsResponse | null>;
  removeTag(id: number, tag: string): Promise<AnnotationsResponse | null>;
  /** Returns false when the request does not exist. */
  linkPrompt(id: number, link: PromptLink): Promise<boolean>;
  setGroup(id: number, groupId: number): Promise<boolean>;
  createGroup(): Promise<number>;

  /** PromptLayer's POST /api/public/v2/requests/search (page-numbered by its contract). */
  search(query: SearchQuery): Promise<SearchResult>;

  /** Every matching request, in the list's order, read in bounded batches (constant memory). */
  exportRequests(
    filter: RequestFilter,
    sort: Pick<ListQuery, 'sort' | 'order'>,
  ): AsyncIterable<RequestDetail>;
  deleteRequests(filter: RequestFilter): Promise<number>;
  /**
   * Deletes these requests in one transaction. Ids that do not exist are reported as `missing`;
   * with `allOrNone`, any missing id means nothing is deleted. `acted` are the deleted ids.
   */
  deleteRequestIds(ids: readonly number[], options?: { allOrNone?: boolean }): Promise<BulkResult>;
  /**
   * One bulk action on these requests in one transaction (all or nothing). Ids that do not exist
   * are skipped and reported as `missing`; with `allOrNone`, any missing id means nothing is done.
   */
  bulkAnnotate(
    ids: readonly number[],
    action: BulkAction,
    options?: { allOrNone?: boolean },
  ): Promise<BulkResult>;

  /**
   * Resolves when the store can serve requests; throws DatabaseUnavailableError (PostgreSQL
   * unreachable) or DatabaseCorruptError (SQLite file damaged) otherwise. /api/health asks it.
   */
  ping(): Promise<void>;

  /** Retention: one small batch, in its own short transaction (see server/retention/). */
  purgeBatch(input: PurgeBatchInput): Promise<PurgeBatchResult>;
  /** Retention of spans that are no request's (agent steps, tool calls): one small batch, after purgeBatch. */
  purgeSpansBatch(input: PurgeSpansInput): Promise<PurgeSpansResult>;
  storageInfo(): Promise<StorageInfo>;
  /** Returns up to about `maxBytes` of free space to the OS where the store can; resolves to the bytes returned. */
  reclaimSpace(maxBytes: number): Promise<number>;
  /** Cheap, synchronous: read on every metrics scrape. */
  runtimeStats(): StoreRuntimeStats;

  close(): Promise<void>;
}
