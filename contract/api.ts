/**
 * The dashboard's own API under /api/. Shared by server/ (validation) and src/ (response parsing).
 *
 * Filters travel in the query string so that a dashboard URL, a list call, a count, an export
 * and a delete-by-filter all describe the same set of requests the same way:
 *   model=gpt-4o&model=gpt-4o-mini   any of (repeatable)      provider=openai (repeatable)
 *   status=ERROR (repeatable)        tag=prod (repeatable, any of)
 *   prompt=weather (repeatable)      meta.<key>=<value> (repeatable per key: any of; keys AND-ed)
 *   score.<name>=<min>..<max>        either bound may be empty: score.default=80.. ; keys AND-ed
 *   from=<ISO or epoch ms>  to=<ISO or epoch ms>   request_start_time in [from, to)
 *   q=<free text>                    full text over input and output text
 *   noscore=<name> (repeatable: has none of them)   scored_by=<author> (repeatable, any of)
 *   commented=true                   has a comment on a score
 *   prompt_version=3 (repeatable)    logged with that prompt template version (any of)
 * Richer conditions (issue #13):
 *   not.model=gpt-4o (also not.provider, not.status, not.tag, not.prompt; repeatable: none of)
 *   not.meta.<key>=<value> (repeatable: the key has none of the values, or is absent)
 *   has_meta=<key> / no_meta=<key> (repeatable)   meta_contains.<key>=<text> (case-insensitive)
 *   latency=gt:1000  cost=lte:0.01  tokens=gte:500  input_tokens=lt:10  output_tokens=gt:0
 *                                    (gt / gte / lt / lte; repeatable, AND-ed)
 */
import { z } from 'zod';
import { BULK_SELECTION_MAX } from './limits.ts';

export const STATUSES = ['SUCCESS', 'WARNING', 'ERROR'] as const;
export const statusSchema = z.enum(STATUSES);
export type RequestStatus = z.infer<typeof statusSchema>;

export const SORT_FIELDS = ['time', 'latency', 'cost', 'tokens'] as const;
export const sortFieldSchema = z.enum(SORT_FIELDS);
export type SortField = z.infer<typeof sortFieldSchema>;
export const sortOrderSchema = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof sortOrderSchema>;

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

/** Numeric filter fields and the requests column each reads. */
export const NUMERIC_FILTER_FIELDS = ['latency', 'cost', 'input_tokens', 'output_tokens', 'tokens'] as const;
export type NumericFilterField = (typeof NUMERIC_FILTER_FIELDS)[number];
export const NUMERIC_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const;
export type NumericOperator = (typeof NUMERIC_OPERATORS)[number];

const numericConditionSchema = z
  .object({
    field: z.enum(NUMERIC_FILTER_FIELDS),
    op: z.enum(NUMERIC_OPERATORS),
    value: z.number().finite().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  })
  // Latency and token counts are whole numbers (integer columns): a fraction would compare oddly.
  .refine((c) => c.field === 'cost' || Number.isInteger(c.value), {
    message: 'expected a whole number',
    path: ['value'],
  });

/**
 * not_in: the key has none of the values (or is absent); exists / missing: the key is set or not;
 * contains: some value of the key contains the text, ignoring case (the store resolves it to the
 * key's distinct values, see server/store/sql/meta-contains.ts).
 */
const metaConditionSchema = z.discriminatedUnion('op', [
  z.object({ key: z.string().min(1), op: z.literal('not_in'), values: z.array(z.string()).min(1) }),
  z.object({ key: z.string().min(1), op: z.literal('exists') }),
  z.object({ key: z.string().min(1), op: z.literal('missing') }),
  z.object({ key: z.string().min(1), op: z.literal('contains'), value: z.string().min(1) }),
]);

const facetExclusionsSchema = z.object({
  models: z.array(z.string()).optional(),
  providers: z.array(z.string()).optional(),
  statuses: z.array(statusSchema).optional(),
  tags: z.array(z.string()).optional(),
  promptNames: z.array(z.string()).optional(),
});

/** A parsed filter, the same for list, count, probe, export and delete. */
export const requestFilterSchema = z.object({
  models: z.array(z.string()).default([]),
  providers: z.array(z.string()).default([]),
  statuses: z.array(statusSchema).default([]),
  tags: z.array(z.string()).default([]),
  promptNames: z.array(z.string()).default([]),
  /** Each entry: the key must have one of the values. Entries are AND-ed. */
  metadata: z.array(z.object({ key: z.string().min(1), values: z.array(z.string()).min(1) })).default([]),
  /** Each entry: the request has a score with that name within [min, max]. Entries are AND-ed. */
  scores: z
    .array(
      z.object({
        name: z.string().min(1),
        min: z.number().int().min(0).max(100).optional(),
        max: z.number().int().min(0).max(100).optional(),
      }),
    )
    .default([]),
  /** Epoch milliseconds, inclusive. */
  from: z.number().int().optional(),
  /** Epoch milliseconds, exclusive. */
  to: z.number().int().optional(),
  q: z.string().optional(),
  /** OpenTelemetry trace ids (32 lowercase hex): requests of any of these traces. */
  traceIds: z.array(z.string().regex(/^[0-9a-f]{32}$/, 'expected a 32-hex trace id')).optional(),
  /** Review work: requests with none of these score names (`noscore=`, AND-ed). */
  noScores: z.array(z.string().min(1)).optional(),
  /** Review work: requests that any of these (author labels, e.g. an account's name) scored (`scored_by=`). */
  scoredBy: z.array(z.string().min(1)).optional(),
  /** Review work: requests with a comment on one of their scores (`commented=true`). */
  commented: z.literal(true).optional(),
  /** Requests logged with one of these prompt template versions (`prompt_version=`; with `prompt=`, that template's). */
  promptVersions: z.array(z.number().int().min(1)).optional(),
  /** Review work: requests in a review queue, still needing reviews or done (`in_queue=<id>[:pending|:done]`). */
  inQueue: z
    .object({ queueId: z.number().int().min(1), state: z.enum(['any', 'pending', 'done']) })
    .optional(),
  /** Numeric conditions on the request's own columns, AND-ed (`latency=gt:1000`). */
  numeric: z.array(numericConditionSchema).optional(),
  /** Metadata conditions beyond "value in", AND-ed (`not.meta.k=`, `has_meta=`, `no_meta=`, `meta_contains.k=`). */
  metaConditions: z.array(metaConditionSchema).optional(),
  /** Facet values a request must have none of (`not.model=` …). */
  exclude: facetExclusionsSchema.optional(),
});
export type RequestFilter = z.infer<typeof requestFilterSchema>;
export type NumericCondition = NonNullable<RequestFilter['numeric']>[number];
export type MetaCondition = NonNullable<RequestFilter['metaConditions']>[number];
export type FacetExclusions = NonNullable<RequestFilter['exclude']>;
export const emptyFilter = (): RequestFilter => requestFilterSchema.parse({});

export const listQuerySchema = z.object({
  filter: requestFilterSchema,
  sort: sortFieldSchema.default('time'),
  order: sortOrderSchema.default('desc'),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  /** Opaque keyset cursor from a previous page's nextCursor. */
  cursor: z.string().optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const scoresSchema = z.record(z.string(), z.number().int());
export const metadataSchema = z.record(z.string(), z.string());

/**
 * Where free text q matched in a row's text: a short window of that text (plain text, with `…`
 * where it was cut) and the matching fragment's place in it, in UTF-16 units.
 */
export const matchSnippetSchema = z.object({
  text: z.string(),
  start: z.number().int().min(0),
  length: z.number().int().min(0),
});
export type MatchSnippet = z.infer<typeof matchSnippetSchema>;

/** One row of the table: short previews, never the whole payload. */
export const requestRowSchema = z.object({
  id: z.number().int(),
  provider: z.string(),
  model: z.string(),
  status: statusSchema,
  errorType: z.string().nullable(),
  /** ISO-8601 UTC. */
  startTime: z.string(),
  endTime: z.string(),
  latencyMs: z.number(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  totalTokens: z.number().int(),
  /** USD. */
  cost: z.number(),
  promptName: z.string().nullable(),
  promptVersion: z.number().int().nullable(),
  /** At most ~200 characters of the input text. */
  inputPreview: z.string(),
  /** At most ~200 characters of the output text. */
  outputPreview: z.string(),
  /** Lists filtered by q only: where q matched in the input / output text. */
  inputMatch: matchSnippetSchema.optional(),
  outputMatch: matchSnippetSchema.optional(),
  isToolCall: z.boolean(),
  /** The OpenTelemetry trace this request belongs to (32 hex); null or absent when none. */
  traceId: z.string().nullish(),
  tags: z.array(z.string()),
  metadata: metadataSchema,
  scores: scoresSchema,
});
export type RequestRow = z.infer<typeof requestRowSchema>;

export const listResponseSchema = z.object({
  rows: z.array(requestRowSchema),
  nextCursor: z.string().nullable(),
});
export type ListResponse = z.infer<typeof listResponseSchema>;

export const countResponseSchema = z.object({ total: z.number().int() });
export type CountResponse = z.infer<typeof countResponseSchema>;

/** Everything about one request, including the full input and output prompt templates (blueprints). */
export const requestDetailSchema = requestRowSchema.extend({
  functionName: z.string().nullable(),
  apiType: z.string().nullable(),
  errorMessage: z.string().nullable(),
  promptId: z.string().nullable(),
  promptInputVariables: z.record(z.string(), z.unknown()).nullable(),
  groupId: z.number().int().nullable(),
  parameters: z.record(z.string(), z.unknown()),
  /** The prompt template sent to the model (PromptLayer blueprint: chat or completion). */
  input: z.unknown(),
  /** The prompt template the model answered with. */
  output: z.unknown(),
  toolNames: z.array(z.string()),
  /** The request's own span (16 hex); null or absent when none. */
  spanId: z.string().nullish(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const facetValueSchema = z.object({ value: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof facetValueSchema>;
export const facetsResponseSchema = z.object({
  models: z.array(facetValueSchema.extend({ provider: z.string() })),
  providers: z.array(facetValueSchema),
  statuses: z.array(facetValueSchema),
  tags: z.array(facetValueSchema),
  promptNames: z.array(facetValueSchema),
  metadataKeys: z.array(facetValueSchema),
  scoreNames: z.array(facetValueSchema),
});
export type FacetsResponse = z.infer<typeof facetsResponseSchema>;

export const metadataValuesResponseSchema = z.object({ values: z.array(facetValueSchema) });
export type MetadataValuesResponse = z.infer<typeof metadataValuesResponseSchema>;

/** GET /api/requests/probe?after=<id>&<filters>: cheap live-update check. */
export const probeResponseSchema = z.object({
  /** Highest request id in the store (regardless of filters); 0 when empty. */
  newestId: z.number().int(),
  /** How many requests matching the filters have an id greater than `after` (capped at PROBE_NEW_COUNT_CAP, contract/limits.ts). */
  newCount: z.number().int(),
  /** Increases on every write (ingest, metadata, score, tag, delete). */
  changeSeq: z.number().int(),
});
export type ProbeResponse = z.infer<typeof probeResponseSchema>;

export const METADATA_KEY_MAX = 1024;
export const TAG_MAX = 512;
export const SCORE_NAME_MAX = 256;

const ID_PATTERN = /^[1-9]\d{0,15}$/;
/** A positive integer id in a URL path. */
export const idParamSchema = z
  .string()
  .refine((raw) => ID_PATTERN.test(raw) && Number.isSafeInteger(Number(raw)), {
    message: 'expected a positive integer',
    params: { type: 'invalid_id' },
  })
  .transform(Number);

/** A key, score name or tag in a URL path (URL-encoded: it may contain "/" or spaces). */
const pathNameSchema = (max: number) =>
  z.string().refine((raw) => raw !== '' && raw.length <= max, {
    message: `expected 1 to ${max} characters`,
    params: { type: 'invalid_param' },
  });

export const requestParamsSchema = z.object({ id: idParamSchema });
export const metadataKeyParamsSchema = z.object({ id: idParamSchema, key: pathNameSchema(METADATA_KEY_MAX) });
export const scoreNameParamsSchema = z.object({ id: idParamSchema, name: pathNameSchema(SCORE_NAME_MAX) });
export const tagParamsSchema = z.object({ id: idParamSchema, tag: pathNameSchema(TAG_MAX) });

/** GET /api/requests/probe: `after` (besides the filter parameters). */
export const probeAfterSchema = z.object({ after: z.coerce.number().int().min(0).default(0) });

/** GET /api/facets/metadata-values */
export const metadataValuesQuerySchema = z.object({
  key: z.string().min(1).max(METADATA_KEY_MAX),
  prefix: z.string().max(1024).default(''),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const setMetadataBodySchema = z.object({ value: z.string().max(65_536) });
export const SCORE_COMMENT_MAX = 4000;
/** `comment`: why (shown with the score); an empty string removes it; absent leaves it as it is. */
export const setScoreBodySchema = z.object({
  value: z.number().int().min(0).max(100),
  comment: z.string().max(SCORE_COMMENT_MAX).optional(),
});

/** Replies of the single-request mutations: the request's state after the write. */
export const annotationsResponseSchema = z.object({
  id: z.number().int(),
  tags: z.array(z.string()),
  metadata: metadataSchema,
  scores: scoresSchema,
});
export type AnnotationsResponse = z.infer<typeof annotationsResponseSchema>;

export const deleteResponseSchema = z.object({ deleted: z.number().int() });
export const sampleDataBodySchema = z.object({ count: z.number().int().min(1).max(50_000).default(2000) });
export const sampleDataResponseSchema = z.object({ inserted: z.number().int() });
/** GET /api/sample-data: how many requests the generator created that still exist. */
export const sampleDataStatusSchema = z.object({ count: z.number().int() });

export const exportFormatSchema = z.enum(['csv', 'jsonl']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
/** POST /api/exports {format, query: "<the list query string>"} → a short-lived, single-use download URL. */
export const createExportBodySchema = z.object({
  format: exportFormatSchema,
  query: z.string().max(16_384),
  /** Only these requests (a table selection), in the query's order; ids that no longer exist are left out. */
  ids: z.array(z.number().int().positive()).min(1).max(BULK_SELECTION_MAX).optional(),
});
export const createExportResponseSchema = z.object({ url: z.string() });
/** GET /api/exports/:token — the token is checked by the server's signature, not by shape. */
export const exportTokenParamsSchema = z.object({ token: z.string() });

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  store: z.enum(['sqlite', 'postgres']),
});

/** Every /api error: the PromptLayer error shape, so SDK users and the SPA see one format. */
export const apiErrorSchema = z.object({
  success: z.literal(false),
  error: z.string(),
  message: z.string(),
  detail: z
    .array(z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string(), type: z.string() }))
    .optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** GET /api/retention: the retention setting, its recent runs, and the database's size. */
export const retentionStatusSchema = z.object({
  /** null: retention is off (PROMPTLOG_RETENTION_DAYS unset or 0). */
  days: z.number().int().nullable(),
  keep: z.object({ scored: z.boolean(), tags: z.array(z.string()) }),
  running: z.boolean(),
  /** Newest first; remembered by this server process. */
  runs: z.array(
    z.object({
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      cutoff: z.string(),
      deleted: z.number().int(),
      spansDeleted: z.number().int(),
      reclaimedBytes: z.number().int(),
      error: z.string().nullable(),
    }),
  ),
  storage: z.object({
    bytes: z.number().int(),
    reclaimableBytes: z.number().int().nullable(),
    reclaim: z.enum(['incremental-vacuum', 'reused-only', 'autovacuum']),
  }),
});
export type RetentionStatus = z.infer<typeof retentionStatusSchema>;

/** POST /api/retention/run (202): the run continues in the background. */
export const retentionRunResponseSchema = z.object({ running: z.literal(true) });
