/** Reading rows: the list's columns and the mapping of database rows to the wire shapes. */
import type { RequestDetail, RequestRow, RequestStatus } from '../../../contract/api.ts';
import { isoTime } from './iso-time.ts';

/** Columns of requests `r` that a list row needs (never the payloads). */
export const ROW_COLUMNS = `r.id, r.provider, r.model, r.status, r.error_type, r.start_ms, r.end_ms, r.latency_ms,
  r.input_tokens, r.output_tokens, r.total_tokens, r.price, r.prompt_name, r.prompt_version,
  r.input_preview, r.output_preview, r.is_tool_call, r.trace_id`;

export type DbRow = Record<string, unknown>;

export interface Annotations {
  tags: string[];
  metadata: Record<string, string>;
  scores: Record<string, number>;
}

export const emptyAnnotations = (): Annotations => ({ tags: [], metadata: {}, scores: {} });

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const nullableNum = (value: unknown): number | null =>
  value === null || value === undefined ? null : num(value);
const nullableStr = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
export const iso = isoTime;

export function toRequestRow(row: DbRow, annotations: Annotations): RequestRow {
  return {
    id: num(row.id),
    provider: String(row.provider),
    model: String(row.model),
    status: row.status as RequestStatus,
    errorType: nullableStr(row.error_type),
    startTime: iso(num(row.start_ms)),
    endTime: iso(num(row.end_ms)),
    latencyMs: num(row.latency_ms),
    inputTokens: num(row.input_tokens),
    outputTokens: num(row.output_tokens),
    totalTokens: num(row.total_tokens),
    cost: num(row.price),
    promptName: nullableStr(row.prompt_name),
    promptVersion: nullableNum(row.prompt_version),
    inputPreview: String(row.input_preview ?? ''),
    outputPreview: String(row.output_preview ?? ''),
    isToolCall: row.is_tool_call === true || row.is_tool_call === 1,
    traceId: nullableStr(row.trace_id),
    tags: annotations.tags,
    metadata: annotations.metadata,
    scores: annotations.scores,
  };
}

/** `record[key] = value`, also for keys like `__proto__` that plain assignment would swallow. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Groups side-table rows `{request_id, …}` by request id. */
export function collectAnnotations(
  ids: readonly number[],
  tags: readonly DbRow[],
  metadata: readonly DbRow[],
  scores: readonly DbRow[],
): Map<number, Annotations> {
  const byId = new Map<number, Annotations>(ids.map((id) => [id, emptyAnnotations()]));
  for (const row of tags) byId.get(num(row.request_id))?.tags.push(String(row.tag));
  for (const row of metadata) {
    const entry = byId.get(num(row.request_id));
    if (entry) setOwn(entry.metadata, String(row.key), String(row.value));
  }
  for (const row of scores) {
    const entry = byId.get(num(row.request_id));
    if (entry) setOwn(entry.scores, String(row.name), num(row.value));
  }
  return byId;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function stringArray(value: unknown): string[] {
  const parsed = parseJson(value);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

function record(value: unknown): Record<string, unknown> | null {
  const parsed = parseJson(value);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

/** A row with ROW_COLUMNS plus the body columns (JSON as text or already parsed). */
export function toRequestDetail(row: DbRow, annotations: Annotations): RequestDetail {
  return {
    ...toRequestRow(row, annotations),
    functionName: nullableStr(row.function_name),
    apiType: nullableStr(row.api_type),
    errorMessage: nullableStr(row.error_message),
    promptId: nullableStr(row.prompt_id),
    promptInputVariables: record(row.prompt_input_variables),
    groupId: nullableNum(row.group_id),
    parameters: record(row.parameters) ?? {},
    input: parseJson(row.input),
    output: parseJson(row.output),
    toolNames: stringArray(row.tool_names),
    spanId: nullableStr(row.span_id),
  };
}
