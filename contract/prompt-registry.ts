/**
 * The prompt registry's wire formats: PromptLayer's publish / get / list routes (what the SDKs'
 * templates.publish/get/all and run() send and read) and the dashboard's /api/prompts routes.
 */
import { z } from 'zod';
import { wireTemplateSchema } from './promptlayer.ts';
import { pageFields } from './promptlayer-search.ts';

export const PROMPT_NAME_MAX = 512;
export const LABEL_MAX = 256;

const tags = z.array(z.string().min(1).max(512)).max(100);
const labels = z.array(z.string().min(1).max(LABEL_MAX)).max(50);

export const modelMetadataSchema = z.looseObject({
  provider: z.string().min(1).max(256),
  name: z.string().min(1).max(256),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  api_type: z.string().max(64).nullish(),
});

export const versionMetadataSchema = z.looseObject({ model: modelMetadataSchema.nullish() });

/** Both SDKs send the same object as prompt_template and as prompt_version; extra keys are ignored. */
export const publishBodySchema = z.object({
  prompt_template: z.looseObject({
    prompt_name: z.string().min(1).max(PROMPT_NAME_MAX),
    tags: tags.nullish(),
  }),
  prompt_version: z.looseObject({
    prompt_template: wireTemplateSchema,
    commit_message: z.string().max(4096).nullish(),
    metadata: versionMetadataSchema.nullish(),
  }),
  release_labels: labels.nullish(),
});
export type PublishBody = z.infer<typeof publishBodySchema>;

export const publishResponseSchema = z.object({
  id: z.number().int(),
  prompt_name: z.string(),
  prompt_version_id: z.number().int(),
  version_number: z.number().int(),
  tags: z.array(z.string()),
  prompt_template: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  commit_message: z.string().nullable(),
  release_labels: z.array(z.string()),
});

export const getTemplateBodySchema = z.object({
  version: z.number().int().positive().nullish(),
  label: z.string().min(1).max(LABEL_MAX).nullish(),
  provider: z.string().min(1).max(256).nullish(),
  model: z.string().min(1).max(256).nullish(),
  input_variables: z.record(z.string(), z.unknown()).nullish(),
  metadata_filters: z.record(z.string(), z.unknown()).nullish(),
  model_parameter_overrides: z.record(z.string(), z.unknown()).nullish(),
  skip_input_variable_rendering: z.boolean().nullish(),
});
export type GetTemplateBody = z.infer<typeof getTemplateBodySchema>;

export const getTemplateResponseSchema = z.object({
  id: z.number().int(),
  prompt_name: z.string(),
  version: z.number().int(),
  tags: z.array(z.string()),
  commit_message: z.string().nullable(),
  release_labels: z.array(z.string()),
  prompt_template: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  llm_kwargs: z.record(z.string(), z.unknown()).nullable(),
  warning: z.string().nullable(),
});
export type GetTemplateResponse = z.infer<typeof getTemplateResponseSchema>;

export const listTemplatesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(30),
  label: z.string().min(1).max(LABEL_MAX).optional(),
  name: z.string().max(PROMPT_NAME_MAX).optional(),
});

export type ListTemplatesQuery = z.infer<typeof listTemplatesQuerySchema>;

/** GET /api/prompts/versions?name= */
export const templateVersionsQuerySchema = z.object({ name: z.string().min(1).max(PROMPT_NAME_MAX) });

/** POST /prompt-templates/{name or id}: everything after the prefix (a name may contain `/`). */
export const templateIdentifierParamsSchema = z.object({ '*': z.string() });

export const templateListItemSchema = z.object({
  id: z.number().int(),
  prompt_name: z.string(),
  version: z.number().int(),
  tags: z.array(z.string()),
  prompt_template: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  commit_message: z.string().nullable(),
  created_at: z.string(),
  version_count: z.number().int(),
  release_labels: z.array(z.object({ label: z.string(), version: z.number().int() })),
  request_count: z.number().int(),
});
export type TemplateListItem = z.infer<typeof templateListItemSchema>;

export const listTemplatesResponseSchema = z.object({
  items: z.array(templateListItemSchema),
  ...pageFields,
});
export type ListTemplatesResponse = z.infer<typeof listTemplatesResponseSchema>;

/** GET /api/prompts/versions?name=: a template's versions, newest first (dashboard). */
export const templateVersionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  prompt_template: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  commit_message: z.string().nullable(),
  release_labels: z.array(z.string()),
  created_at: z.string(),
});
export type TemplateVersion = z.infer<typeof templateVersionSchema>;

export const templateVersionsResponseSchema = z.object({
  id: z.number().int(),
  prompt_name: z.string(),
  tags: z.array(z.string()),
  versions: z.array(templateVersionSchema),
});
export type TemplateVersionsResponse = z.infer<typeof templateVersionsResponseSchema>;
