/** Spans on SQLite: ingest (with their requests, linking to logged ones) and trace reads. */
import type { SpanDetail, TraceResponse } from '../../../contract/traces.ts';
import type { SpanIngest, SpanIngestResult } from '../spans.ts';
import type { DbRow } from '../sql/rows.ts';
import { TRACE_SPAN_COLUMNS, toSpanDetail, toTraceSpan } from '../sql/span-rows.ts';
import type { NewRequest } from '../store.ts';
import type { Statements } from './statements.ts';

const INSERT_SPAN = `INSERT INTO spans (trace_id, span_id, parent_span_id, name, kind, start_us, end_us,
  status_code, status_message, attributes, events, resource, scope)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trace_id, span_id) DO NOTHING`;
const EXISTING_SPAN = 'SELECT id, request_id FROM spans WHERE trace_id = ? AND span_id = ?';
/** A request logged under the span id, not already in another trace. */
const LOGGED_REQUEST = `SELECT id FROM requests WHERE span_id = ? AND (trace_id IS NULL OR trace_id = ?)
  ORDER BY id LIMIT 1`;
const ADOPT_REQUEST = 'UPDATE requests SET trace_id = ? WHERE id = ? AND trace_id IS NULL';
const SET_SPAN_REQUEST = 'UPDATE spans SET request_id = ? WHERE id = ?';

/** Runs inside the caller's write transaction; `insertRequest` stores one request and returns its id. */
export function ingestSpans(
  statements: Statements,
  items: SpanIngest[],
  insertRequest: (request: NewRequest) => number,
): SpanIngestResult[] {
  const insert = statements.prepare(INSERT_SPAN);
  return items.map(({ span, request, linkSpanId }) => {
    const result = insert.run(
      span.traceId,
      span.spanId,
      span.parentSpanId,
      span.name,
      span.kind,
      span.startUs,
      span.endUs,
      span.statusCode,
      span.statusMessage,
      JSON.stringify(span.attributes),
      JSON.stringify(span.events),
      JSON.stringify(span.resource),
      span.scope,
    );
    if (result.changes === 0) {
      const existing = statements.prepare(EXISTING_SPAN).get(span.traceId, span.spanId) as DbRow;
      const requestId = existing.request_id === null ? null : Number(existing.request_id);
      return { id: Number(existing.id), spanId: span.spanId, requestId, created: false };
    }
    const id = Number(result.lastInsertRowid);
    const logged = statements.prepare(LOGGED_REQUEST).get(linkSpanId ?? span.spanId, span.traceId) as
      | DbRow
      | undefined;
    let requestId: number | null = null;
    if (logged) {
      requestId = Number(logged.id);
      statements.prepare(ADOPT_REQUEST).run(span.traceId, requestId);
    } else if (request) {
      requestId = insertRequest({ ...request, traceId: span.traceId, spanId: span.spanId });
    }
    if (requestId !== null) statements.prepare(SET_SPAN_REQUEST).run(requestId, id);
    return { id, spanId: span.spanId, requestId, created: true };
  });
}

export function readTrace(statements: Statements, traceId: string, limit: number): TraceResponse | null {
  const rows = statements
    .prepare(
      `SELECT ${TRACE_SPAN_COLUMNS} FROM spans s LEFT JOIN requests r ON r.id = s.request_id
        WHERE s.trace_id = ? ORDER BY s.start_us, s.id LIMIT ?`,
    )
    .all(traceId, limit + 1) as DbRow[];
  if (rows.length === 0) return null;
  return { traceId, spans: rows.slice(0, limit).map(toTraceSpan), truncated: rows.length > limit };
}

export function readSpan(statements: Statements, traceId: string, spanId: string): SpanDetail | null {
  const row = statements
    .prepare(
      `SELECT ${TRACE_SPAN_COLUMNS}, s.trace_id, s.attributes, s.events, s.resource, s.scope
        FROM spans s LEFT JOIN requests r ON r.id = s.request_id WHERE s.trace_id = ? AND s.span_id = ?`,
    )
    .get(traceId, spanId) as DbRow | undefined;
  return row ? toSpanDetail(row, traceId) : null;
}
