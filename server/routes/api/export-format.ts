/** Serialises exported requests: JSONL (one detail object per line) or CSV (flat columns). */
import type { RequestDetail } from '../../../contract/api.ts';

type Column = [header: string, cell: (d: RequestDetail) => string | number | boolean | null];

const json = (value: unknown) => JSON.stringify(value ?? null);

export const CSV_COLUMNS: Column[] = [
  ['id', (d) => d.id],
  ['start_time', (d) => d.startTime],
  ['end_time', (d) => d.endTime],
  ['provider', (d) => d.provider],
  ['model', (d) => d.model],
  ['status', (d) => d.status],
  ['error_type', (d) => d.errorType],
  ['error_message', (d) => d.errorMessage],
  ['latency_ms', (d) => d.latencyMs],
  ['input_tokens', (d) => d.inputTokens],
  ['output_tokens', (d) => d.outputTokens],
  ['total_tokens', (d) => d.totalTokens],
  ['cost', (d) => d.cost],
  ['prompt_name', (d) => d.promptName],
  ['prompt_version', (d) => d.promptVersion],
  ['function_name', (d) => d.functionName],
  ['api_type', (d) => d.apiType],
  ['is_tool_call', (d) => d.isToolCall],
  ['tool_names', (d) => json(d.toolNames)],
  ['tags', (d) => json(d.tags)],
  ['metadata', (d) => json(d.metadata)],
  ['scores', (d) => json(d.scores)],
  ['input_preview', (d) => d.inputPreview],
  ['output_preview', (d) => d.outputPreview],
  ['parameters', (d) => json(d.parameters)],
  ['input', (d) => json(d.input)],
  ['output', (d) => json(d.output)],
];

/** Cells a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvHeader = () => `${CSV_COLUMNS.map(([header]) => header).join(',')}\r\n`;

export const csvRow = (detail: RequestDetail) =>
  `${CSV_COLUMNS.map(([, cell]) => csvCell(cell(detail))).join(',')}\r\n`;

export const jsonlRow = (detail: RequestDetail) => `${JSON.stringify(detail)}\n`;
