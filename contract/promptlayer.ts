/**
 * The PromptLayer wire formats Promptlog accepts (docs/wire-contract.md §1–§5; the search of §6 is in
 * promptlayer-search.ts).
 * Schemas here validate shape only; the ingest layer (server/ingest/) folds camelCase aliases,
 * timestamps and string content into the stored form.
 */
import { z } from 'zod';
import { idParamSchema } from './api.ts';

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

/** A positive integer id in a URL path; named request_id so that an error names it so. */
export const getRequestParamsSchema = z.object({ request_id: idParamSchema });

/** GET /api/public/v2/requests/{id} (§3): PromptLayer's documented fields, then ours. */
export const getRequestResponseSchema = z.object({
  success: z.literal(true),
  request_id: z.number().int(),
  prompt_blueprint: z.object({
    prompt_template: z.unknown(),
    metadata: z.object({ model: z.record(z.string(), z.unknown()) }),
    inference_client_name: z.null(),
  }),
  provider: z.string(),
  model: z.string(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  tokens: z.number().int(),
  price: z.number(),
  request_start_time: z.string(),
  request_end_time: z.string(),
  latency_ms: z.number(),
  trace_id: z.string().nullable(),
  span_id: z.string().nullable(),
  output: z.unknown(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
  scores: z.array(z.object({ name: z.string(), score: z.number().int() })),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  error_type: z.string().nullable(),
  error_message: z.string().nullable(),
  prompt_name: z.string().nullable(),
  prompt_id: z.string().nullable(),
  prompt_version_number: z.number().int().nullable(),
  prompt_input_variables: z.record(z.string(), z.unknown()).nullable(),
  function_name: z.string().nullable(),
  api_type: z.string().nullable(),
  group_id: z.number().int().nullable(),
});
export type GetRequestResponse = z.infer<typeof getRequestResponseSchema>;

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
