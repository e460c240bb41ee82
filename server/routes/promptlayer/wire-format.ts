/** Dashboard-shaped store results → PromptLayer's public API shapes (§3 and §6). */
import type { RequestDetail, RequestRow } from '../../../contract/api.ts';
import type { GetRequestResponse } from '../../../contract/promptlayer.ts';
import type { SearchItem } from '../../../contract/promptlayer-search.ts';

export const scoresToWire = (scores: Record<string, number>) =>
  Object.entries(scores).map(([name, score]) => ({ name, score }));

export function detailToWire(detail: RequestDetail): GetRequestResponse {
  const model: Record<string, unknown> = {
    provider: detail.provider,
    name: detail.model,
    parameters: detail.parameters,
  };
  if (detail.apiType !== null) model.api_type = detail.apiType;
  return {
    success: true as const,
    request_id: detail.id,
    prompt_blueprint: {
      prompt_template: detail.input,
      metadata: { model },
      inference_client_name: null,
    },
    provider: detail.provider,
    model: detail.model,
    input_tokens: detail.inputTokens,
    output_tokens: detail.outputTokens,
    tokens: detail.totalTokens,
    price: detail.cost,
    request_start_time: detail.startTime,
    request_end_time: detail.endTime,
    latency_ms: detail.latencyMs,
    trace_id: detail.traceId ?? null,
    span_id: detail.spanId ?? null,
    output: detail.output,
    tags: detail.tags,
    metadata: detail.metadata,
    scores: scoresToWire(detail.scores),
    status: detail.status,
    error_type: detail.errorType,
    error_message: detail.errorMessage,
    prompt_name: detail.promptName,
    prompt_id: detail.promptId,
    prompt_version_number: detail.promptVersion,
    prompt_input_variables: detail.promptInputVariables,
    function_name: detail.functionName,
    api_type: detail.apiType,
    group_id: detail.groupId,
  };
}

export function rowToSearchItem(row: RequestRow): SearchItem {
  return {
    id: row.id,
    engine: row.model,
    provider_type: row.provider,
    input_tokens: row.inputTokens,
    output_tokens: row.outputTokens,
    price: row.cost,
    request_start_time: row.startTime,
    request_end_time: row.endTime,
    latency: row.latencyMs / 1000,
    tags_array: row.tags,
    metadata: Object.entries(row.metadata).map(([key, value]) => ({ [key]: value })),
    scores: scoresToWire(row.scores),
    prompt_name: row.promptName,
    status: row.status,
  };
}
