/**
 * POST /track-request: what the PromptLayer SDKs' wrapped provider clients and run() post
 * (docs/wire-contract.md): the provider call's raw request (`kwargs`) and reply (`request_response`).
 */
import { z } from 'zod';
import { ERROR_TYPES, INT32_MAX, wireTimestampSchema } from './promptlayer.ts';

/** Metadata values are strings on the wire; Python apps sometimes send numbers or booleans. */
const metadataValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const trackRequestBodySchema = z.object({
  function_name: z.string().min(1).max(1024),
  provider_type: z.string().min(1).max(256).nullish(),
  args: z.array(z.unknown()).nullish(),
  kwargs: z.record(z.string(), z.unknown()).nullish(),
  request_response: z.unknown().optional(),
  request_start_time: wireTimestampSchema,
  request_end_time: wireTimestampSchema,
  tags: z.array(z.string().max(512)).nullish(),
  metadata: z.record(z.string().max(1024), metadataValue).nullish(),
  group_id: z.number().int().positive().nullish(),
  prompt_id: z.union([z.number().int().positive(), z.string().min(1).max(256)]).nullish(),
  prompt_version: z.number().int().positive().max(INT32_MAX).nullish(),
  prompt_input_variables: z.record(z.string(), z.unknown()).nullish(),
  return_prompt_blueprint: z.boolean().nullish(),
  return_pl_id: z.boolean().nullish(),
  span_id: z.string().max(64).nullish(),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']).nullish(),
  error_type: z.enum(ERROR_TYPES).nullish(),
  // The JS SDK sends a provider's whole error message; it is cut to 1024 characters on ingest.
  error_message: z.string().nullish(),
  price: z.number().finite().nonnegative().nullish(),
});
export type TrackRequestBody = z.infer<typeof trackRequestBodySchema>;

export const promptBlueprintSchema = z.object({
  prompt_template: z.record(z.string(), z.unknown()),
  metadata: z.object({
    model: z.object({
      provider: z.string(),
      name: z.string(),
      parameters: z.record(z.string(), z.unknown()),
      api_type: z.string().nullable().optional(),
    }),
  }),
});
export type PromptBlueprint = z.infer<typeof promptBlueprintSchema>;

export const trackRequestResponseSchema = z.object({
  success: z.literal(true),
  request_id: z.number().int(),
  prompt_blueprint: promptBlueprintSchema,
});
export type TrackRequestResponse = z.infer<typeof trackRequestResponseSchema>;
