/**
 * The registry's behaviour shared by PromptLayer's routes and the dashboard's: publishing (one
 * code path for SDKs and the version form), and shaping stored versions into responses.
 */
import type {
  GetTemplateBody,
  GetTemplateResponse,
  ListTemplatesQuery,
  ListTemplatesResponse,
  PublishBody,
  TemplateListItem,
  TemplateVersion,
} from '../../contract/prompt-registry.ts';
import { normalizeTemplate } from '../ingest/templates.ts';
import type { PromptRegistry, PromptTemplateSummary, PromptVersionRecord } from '../store/prompt-registry.ts';
import { buildLlmKwargs, type ModelMetadata } from './llm-kwargs.ts';
import { renderPromptTemplate, withInputVariables } from './render-template.ts';

const OPENAI_LIKE = new Set(['openai', 'openai.azure']);

/** The model metadata with what run() needs filled in: parameters always, api_type for OpenAI. */
function completeModel(model: Record<string, unknown>): ModelMetadata & Record<string, unknown> {
  const provider = String(model.provider);
  const parameters = (model.parameters ?? {}) as Record<string, unknown>;
  const apiType = model.api_type ?? (OPENAI_LIKE.has(provider) ? 'chat-completions' : null);
  return { ...model, provider, name: String(model.name), parameters, api_type: apiType as string | null };
}

export async function publishVersion(
  registry: PromptRegistry,
  wire: PublishBody,
): Promise<PromptVersionRecord> {
  const metadata: Record<string, unknown> = { ...(wire.prompt_version.metadata ?? {}) };
  if (wire.prompt_version.metadata?.model) metadata.model = completeModel(wire.prompt_version.metadata.model);
  return registry.publish({
    name: wire.prompt_template.prompt_name,
    tags: wire.prompt_template.tags ?? null,
    template: withInputVariables(normalizeTemplate(wire.prompt_version.prompt_template)),
    metadata,
    commitMessage: wire.prompt_version.commit_message ?? null,
    labels: wire.release_labels ?? [],
  });
}

export function publishResponse(record: PromptVersionRecord) {
  return {
    id: record.templateId,
    prompt_name: record.name,
    prompt_version_id: record.versionId,
    version_number: record.version,
    tags: record.tags,
    prompt_template: record.template,
    metadata: record.metadata,
    commit_message: record.commitMessage,
    release_labels: record.labels,
  };
}

/** POST /prompt-templates/{identifier}: rendered template, model metadata and provider kwargs. */
export function templateResponse(record: PromptVersionRecord, body: GetTemplateBody): GetTemplateResponse {
  const rendered = body.skip_input_variable_rendering
    ? { template: record.template, warning: null }
    : renderPromptTemplate(record.template, body.input_variables ?? {});
  const metadata = { ...record.metadata };
  let llmKwargs: Record<string, unknown> | null = null;
  const stored = record.metadata.model as Record<string, unknown> | undefined;
  if (stored || body.provider) {
    const model = completeModel({
      ...(stored ?? {}),
      provider: body.provider ?? stored?.provider,
      name: body.model ?? stored?.name ?? 'unknown',
      parameters: {
        ...((stored?.parameters as Record<string, unknown> | undefined) ?? {}),
        ...(body.model_parameter_overrides ?? {}),
      },
    });
    metadata.model = model;
    llmKwargs = buildLlmKwargs(rendered.template, model);
  }
  return {
    id: record.templateId,
    prompt_name: record.name,
    version: record.version,
    tags: record.tags,
    commit_message: record.commitMessage,
    release_labels: record.labels,
    prompt_template: rendered.template,
    metadata,
    llm_kwargs: llmKwargs,
    warning: rendered.warning,
  };
}

export function versionResponse(record: PromptVersionRecord): TemplateVersion {
  return {
    id: record.versionId,
    version: record.version,
    prompt_template: record.template,
    metadata: record.metadata,
    commit_message: record.commitMessage,
    release_labels: record.labels,
    created_at: new Date(record.createdMs).toISOString(),
  };
}

export function listItem(summary: PromptTemplateSummary): TemplateListItem {
  const { latest } = summary;
  return {
    id: latest.templateId,
    prompt_name: latest.name,
    version: latest.version,
    tags: latest.tags,
    prompt_template: latest.template,
    metadata: latest.metadata,
    commit_message: latest.commitMessage,
    created_at: new Date(latest.createdMs).toISOString(),
    version_count: summary.versionCount,
    release_labels: summary.labels,
    request_count: summary.requestCount,
  };
}

/** GET /prompt-templates and GET /api/prompts: one page of templates, page-numbered. */
export async function listTemplates(
  registry: PromptRegistry,
  query: ListTemplatesQuery,
): Promise<ListTemplatesResponse> {
  const { items, total } = await registry.list({
    page: query.page,
    perPage: query.per_page,
    ...(query.label ? { label: query.label } : {}),
    ...(query.name ? { name: query.name } : {}),
  });
  const pages = Math.ceil(total / query.per_page);
  return {
    items: items.map(listItem),
    page: query.page,
    pages,
    per_page: query.per_page,
    total,
    has_next: query.page < pages,
    has_prev: query.page > 1,
  };
}
