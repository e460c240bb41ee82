/** Database span rows (either adapter; bigints may arrive as strings) → the trace contract's shapes. */
import type { SpanDetail, TraceSpan } from '../../../contract/traces.ts';
import type { DbRow } from './rows.ts';

const nullableStr = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const nullableNum = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** Columns of spans `s` (joined to its request `r`) that a timeline row needs. */
export const TRACE_SPAN_COLUMNS = `s.span_id, s.parent_span_id, s.name, s.kind, s.start_us, s.end_us, s.status_code,
  s.status_message, coalesce(r.id, (SELECT l.id FROM requests l WHERE l.span_id = s.span_id ORDER BY l.id LIMIT 1))
  AS linked_request_id`;

export function toTraceSpan(row: DbRow): TraceSpan {
  return {
    spanId: String(row.span_id),
    parentSpanId: nullableStr(row.parent_span_id),
    name: String(row.name),
    kind: Number(row.kind),
    startUs: Number(row.start_us),
    endUs: Number(row.end_us),
    statusCode: Number(row.status_code),
    statusMessage: nullableStr(row.status_message),
    requestId: nullableNum(row.linked_request_id),
  };
}

/** A row with TRACE_SPAN_COLUMNS plus attributes, events, resource (JSON text) and scope. */
export function toSpanDetail(row: DbRow, traceId: string): SpanDetail {
  return {
    ...toTraceSpan(row),
    traceId,
    attributes: JSON.parse(String(row.attributes)),
    events: JSON.parse(String(row.events)),
    resource: JSON.parse(String(row.resource)),
    scope: nullableStr(row.scope),
  };
}
