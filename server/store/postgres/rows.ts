/** Turns PostgreSQL result rows into the contract's shapes (bigints arrive as strings). */
import type { AnnotationsResponse, RequestDetail, RequestRow, RequestStatus } from '../../../contract/api.ts';
import { setOwn } from '../sql/rows.ts';

type DbRow = Record<string, unknown>;

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const iso = (ms: unknown): string => new Date(num(ms)).toISOString();

function parseJson(text: unknown): unknown {
  return typeof text === 'string' ? JSON.parse(text) : text;
}

function scoresOf(value: unknown): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const [name, score] of Object.entries((value ?? {}) as Record<string, unknown>))
    setOwn(scores, name, num(score));
  return scores;
}

export function toRow(row: DbRow): RequestRow {
  const inputTokens = num(row.input_tokens);
  const outputTokens = num(row.output_tokens);
  return {
    id: num(row.id),
    provider: String(row.provider),
    model: String(row.model),
    status: row.status as RequestStatus,
    errorType: str(row.error_type),
    startTime: iso(row.start_ms),
    endTime: iso(row.end_ms),
    latencyMs: num(row.latency_ms),
    inputTokens,
    outputTokens,
    totalTokens: num(row.total_tokens),
    cost: num(row.price),
    promptName: str(row.prompt_name),
    promptVersion: row.prompt_version_number === null ? null : num(row.prompt_version_number),
    inputPreview: String(row.input_preview ?? ''),
    outputPreview: String(row.output_preview ?? ''),
    isToolCall: Boolean(row.is_tool_call),
    traceId: str(row.trace_id),
    tags: (row.tags as string[] | null) ?? [],
    metadata: (row.metadata as Record<string, string> | null) ?? {},
    scores: scoresOf(row.scores),
  };
}

export function toDetail(row: DbRow): RequestDetail {
  return {
    ...toRow(row),
    functionName: str(row.function_name),
    apiType: str(row.api_type),
    errorMessage: str(row.error_message),
    promptId: str(row.prompt_id),
    promptInputVariables: (parseJson(row.prompt_input_variables) as Record<string, unknown> | null) ?? null,
    groupId: row.group_id === null ? null : num(row.group_id),
    parameters: (parseJson(row.parameters) as Record<string, unknown>) ?? {},
    input: parseJson(row.input),
    output: parseJson(row.output),
    toolNames: (row.tool_names as string[] | null) ?? [],
    spanId: str(row.span_id),
  };
}

export function toAnnotations(id: number, row: DbRow): AnnotationsResponse {
  return {
    id,
    tags: (row.tags as string[] | null) ?? [],
    metadata: (row.metadata as Record<string, string> | null) ?? {},
    scores: scoresOf(row.scores),
  };
}
