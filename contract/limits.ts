/**
 * What one request may ask for or carry. Every user-built query has a bounded cost, and every
 * limit crossed is a 400 (422 for PromptLayer bodies) naming the field and the limit. The README's
 * "Errors and limits" section lists these numbers.
 */

/** Dashboard filters in the query string (list, count, probe, export, delete-by-filter). */
export const FILTER_LIMITS = {
  /** Values of one repeatable parameter: model=, provider=, tag=, prompt=, one meta.<key>=. */
  valuesPerParam: 100,
  /** Distinct meta.<key> parameters. */
  metadataKeys: 20,
  /** Distinct score.<name> parameters. */
  scoreNames: 20,
  /** Characters of one filter value or key. */
  valueLength: 1024,
  /** Characters of the full-text query q. */
  qLength: 500,
  /** Words of the full-text query q. */
  qWords: 16,
} as const;

/** The live probe counts new matching requests up to this many (the SPA then shows "1,000+"). */
export const PROBE_NEW_COUNT_CAP = 1000;

/** POST /api/public/v2/requests/search filter trees. */
export const SEARCH_LIMITS = {
  /** Filters and groups in the whole tree. */
  filters: 100,
  /** Nesting of filter groups. */
  depth: 8,
  /** input_text / output_text filters (each reads every matching request's text). */
  textFilters: 10,
  /** Characters of one input_text / output_text pattern. */
  patternLength: 256,
  /** Characters of any other string value. */
  valueLength: 1024,
  /** Values of one in / not_in list. */
  listValues: 1000,
  /** Values of every in / not_in list in the tree together. */
  totalListValues: 2000,
} as const;

/** What one logged request may carry (/log-request and the routes built on it). */
export const INGEST_LIMITS = {
  /** Nesting of any JSON body (objects and arrays). */
  jsonDepth: 64,
  tags: 100,
  metadataKeys: 256,
  /** Messages of one prompt template (input or output). */
  messages: 10_000,
} as const;

/** GET /api/requests/timeline. */
export const TIMELINE_LIMITS = {
  /** Most buckets drawn for one range (the bucket size grows to stay under it). */
  maxBuckets: 120,
  /** Rows a timeline reads when the rollups cannot answer its filter (q, metadata, scores, tags, traces); newest first. */
  scanRows: 100_000,
} as const;

/** Ids in one selection: bulk actions, delete and export of selected requests (contract/bulk.ts). */
export const BULK_SELECTION_MAX = 500;

/** Review queues (contract/review-queues.ts). */
export const REVIEW_QUEUE_LIMITS = {
  /** Requests one queue holds, materialised when it is created (a larger filter is refused). */
  items: 10_000,
  /** How long "next" reserves an item for its reviewer. */
  leaseMs: 5 * 60_000,
  /** Score definitions one queue fills. */
  definitions: 20,
  /** Reviewers assigned by name. */
  reviewers: 100,
  /** Reviews an item may ask for. */
  reviewsNeeded: 10,
  /** Items of a queue's summary listed as the most disputed. */
  disputed: 20,
} as const;
