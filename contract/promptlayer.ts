/**
 * The PromptLayer wire formats Promptlog accepts (docs/wire-contract.md §1–§6).
 * Schemas here validate shape only; the ingest layer (server/ingest/) folds camelCase aliases,
 * timestamps and string content into the stored form.
 */
import { z } from 'zod';

export const ERROR_TYPES = [
  'PROVIDER_TIMEOUT',
  'PROVIDER_QUOTA_LIMIT',
  'PROVIDER_RATE_LIMIT',
  'PROVIDER_PARTIAL_RESPONSE',
  'PROVIDER_AUTH_ERROR',
  'PROVIDER_ERROR',
  'TEMPLATE_RENDER_ERROR',
  'VARIABLE_MISSING_OR_EMPTY',
  'UNKNOWN_ERROR',
] as const;

/** ISO-8601 string, epoch seconds (< 1e11) or epoch milliseconds. */
export const wireTimestampSchema = z.union([z.string().min(1), z.number().finite().nonnegative()]);

/** A content block: `text`, `thinking`, `image_url`, … and provider-specific ones, kept as sent. */
export const contentBlockSchema = z.looseObject({ type: z.string().min(1) });
/** Content may arrive as a plain string; ingest turns it into `[{type:'text', text}]`. */
export const wireContentSchema = z.union([z.string(), z.array(contentBlockSchema)]);

export const wireMessageSchema = z.looseObject({
  role: z.string().min(1),
  content: wireContentSchema.nullish(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string().optional(),
        type: z.string().optional(),
        function: z.looseObject({ name: z.string(), arguments: z.unknown().optional() }),
      }),
    )
    .nullish(),
});

export const chatTemplateSchema = z.looseObject({
  type: z.literal('chat'),
  messages: z.array(wireMessageSchema),
  tools: z.array(z.looseObject({})).nullish(),
});

export const completionTemplateSchema = z.looseObject({
  type: z.literal('completion'),
  content: wireContentSchema,
});

export const wireTemplateSchema = z.discriminatedUnion('type', [
  chatTemplateSchema,
  completionTemplateSchema,
]);
export type WireTemplate = z.infer<typeof wireTemplateSchema>;

/** Both adapters store token counts and version numbers as 32-bit integers. */
export const INT32_MAX = 2_147_483_647;
const tokenCount = z.number().int().nonnegative().max(INT32_MAX);
const versionNumber = z.number().int().positive().max(INT32_MAX);

/**
 * POST /log-request body after camelCase aliases have been folded into the snake_case keys.
 * Python sends `null` for every optional field it does not have, hence `nullish` throughout.
 */
export const logRequestBodySchema = z.object({
  provider: z.string().min(1).max(256),
  model: z.string().min(1).max(256),
  input: wireTemplateSchema,
  output: wireTemplateSchema,
  request_start_time: wireTimestampSchema,
  request_end_time: wireTimestampSchema,
  parameters: z.record(z.string(), z.unknown()).nullish(),
  tags: z.array(z.string().max(512)).nullish(),
  metadata: z.record(z.string().max(1024), z.string()).nullish(),
  prompt_name: z.string().max(1024).nullish(),
  prompt_id: z.union([z.string().max(256), z.number().int()]).nullish(),
  prompt_version_number: versionNumber.nullish(),
  prompt_input_variables: z.record(z.string(), z.unknown()).nullish(),
  input_tokens: tokenCount.nullish(),
  output_tokens: tokenCount.nullish(),
  price: z.number().finite().nonnegative().nullish(),
  function_name: z.string().max(1024).nullish(),
  score: z.number().int().min(0).max(100).nullish(),
  score_name: z.string().min(1).max(256).nullish(),
  api_type: z.string().max(256).nullish(),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']).nullish(),
  error_type: z.enum(ERROR_TYPES).nullish(),
  error_message: z.string().max(1024).nullish(),
  group_id: z.number().int().positive().nullish(),
});
export type LogRequestBody = z.infer<typeof logRequestBodySchema>;

/** camelCase spellings some clients send (PromptLayer's own JS docs show several). */
export const LOG_REQUEST_CAMEL_ALIASES: Readonly<Record<string, keyof LogRequestBody>> = {
  requestStartTime: 'request_start_time',
  requestEndTime: 'request_end_time',
  inputTokens: 'input_tokens',
  outputTokens: 'output_tokens',
  promptName: 'prompt_name',
  promptId: 'prompt_id',
  promptVersionNumber: 'prompt_version_number',
  promptInputVariables: 'prompt_input_variables',
  functionName: 'function_name',
  scoreName: 'score_name',
  apiType: 'api_type',
  errorType: 'error_type',
  errorMessage: 'error_message',
  groupId: 'group_id',
};

export const logRequestResponseSchema = z.object({
  id: z.number().int(),
  request_id: z.number().int(),
  prompt_version: z.null(),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  error_type: z.string().nullable(),
  error_message: z.string().nullable(),
});
export type LogRequestResponse = z.infer<typeof logRequestResponseSchema>;

/** Request ids arrive as numbers from the SDKs and sometimes as numeric strings from curl users. */
export const requestIdSchema = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'expected a positive integer')
    .transform(Number),
]);

export const trackMetadataBodySchema = z.object({
  request_id: requestIdSchema,
  metadata: z.record(z.string().min(1).max(1024), z.string()),
});

export const trackScoreBodySchema = z.object({
  request_id: requestIdSchema,
  score: z.number().int().min(0).max(100),
  name: z.string().min(1).max(256).nullish(),
  score_name: z.string().min(1).max(256).nullish(),
});

export const trackPromptBodySchema = z.object({
  request_id: requestIdSchema,
  prompt_name: z.string().min(1).max(1024),
  prompt_input_variables: z.record(z.string(), z.unknown()).nullish(),
  version: versionNumber.nullish(),
  label: z.string().max(256).nullish(),
});

export const trackGroupBodySchema = z.object({
  request_id: requestIdSchema,
  group_id: z.number().int().positive(),
});

export const trackResponseSchema = z.object({ success: z.literal(true), message: z.string() });
export const createGroupResponseSchema = z.object({ success: z.literal(true), id: z.number().int() });

// §6 search.
export const SEARCH_FIELD_OPERATORS = {
  engine: ['is', 'is_not', 'in', 'not_in'],
  provider_type: ['is', 'is_not', 'in', 'not_in'],
  status: ['is', 'is_not', 'in', 'not_in'],
  input_text: ['contains', 'not_contains', 'starts_with', 'ends_with'],
  output_text: ['contains', 'not_contains', 'starts_with', 'ends_with'],
  cost: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null'],
  latency_ms: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null'],
  input_tokens: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null'],
  output_tokens: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'is_not_null'],
  request_start_time: ['is', 'before', 'after', 'between'],
  request_end_time: ['is', 'before', 'after', 'between'],
  tags: ['contains', 'not_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  metadata_keys: ['contains', 'not_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  tool_names: ['contains', 'not_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  metadata: ['key_equals', 'key_not_equals', 'key_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  is_tool_call: ['is_true', 'is_false'],
  is_json: ['is_true', 'is_false'],
} as const satisfies Record<string, readonly string[]>;
export type SearchField = keyof typeof SEARCH_FIELD_OPERATORS;

export const SEARCH_SORT_FIELDS = [
  'request_start_time',
  'input_tokens',
  'output_tokens',
  'cost',
  'latency_ms',
  'status',
] as const;

export interface WireSearchFilter {
  field: string;
  operator: string;
  value?: unknown;
  nested_key?: string | null;
}
export interface WireSearchGroup {
  logic?: 'AND' | 'OR';
  filters: unknown[];
}
/**
 * Shape of the top group only: its entries (filters or nested groups) are checked one by one by
 * the server, so that an error can name the exact entry and key at fault.
 */
export const searchGroupSchema = z.object({
  logic: z.enum(['AND', 'OR']).optional(),
  filters: z.array(z.unknown()).max(500),
});

export const SEARCH_MAX_PER_PAGE = 500;
export const searchBodySchema = z.object({
  filter_group: searchGroupSchema.nullish(),
  q: z.string().max(1000).nullish(),
  sort_by: z.enum(SEARCH_SORT_FIELDS).nullish(),
  sort_order: z.enum(['asc', 'desc']).nullish(),
  // Bounded so that page × per_page stays an exact integer OFFSET on both stores.
  page: z.number().int().min(1).max(1_000_000).nullish(),
  per_page: z.number().int().min(1).max(SEARCH_MAX_PER_PAGE).nullish(),
});

export const searchItemSchema = z.object({
  id: z.number().int(),
  engine: z.string(),
  provider_type: z.string(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  price: z.number(),
  request_start_time: z.string(),
  request_end_time: z.string(),
  /** Seconds. */
  latency: z.number(),
  tags_array: z.array(z.string()),
  metadata: z.array(z.record(z.string(), z.string())),
  scores: z.array(z.object({ name: z.string(), score: z.number().int() })),
  prompt_name: z.string().nullable(),
  status: z.string(),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

export const searchResponseSchema = z.object({
  success: z.literal(true),
  items: z.array(searchItemSchema),
  page: z.number().int(),
  pages: z.number().int(),
  per_page: z.number().int(),
  total: z.number().int(),
  has_next: z.boolean(),
  has_prev: z.boolean(),
  next_num: z.number().int().nullable(),
  prev_num: z.number().int().nullable(),
});

export const SUGGESTION_FIELDS = [
  'engine',
  'provider_type',
  'status',
  'tags',
  'metadata_keys',
  'metadata',
  'prompt_name',
] as const;
export const suggestionsResponseSchema = z.object({
  success: z.literal(true),
  field: z.string(),
  suggestions: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
