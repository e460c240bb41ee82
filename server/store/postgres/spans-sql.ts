/** Statement builders for spans: set-based, so a batch of spans costs a few round trips. */

import type { NewSpan } from '../spans.ts';
import { raw, type Sql, sql } from '../sql/fragment.ts';
import { TRACE_SPAN_COLUMNS } from '../sql/span-rows.ts';

/** Inserts spans, skipping any already stored; returns the new rows' `id, trace_id, span_id`. */
export function insertSpansStatement(spans: NewSpan[]): Sql {
  const col = <T>(pick: (span: NewSpan) => T) => spans.map(pick);
  return sql`INSERT INTO spans (trace_id, span_id, parent_span_id, name, kind, start_us, end_us,
      status_code, status_message, attributes, events, resource, scope)
    SELECT * FROM unnest(
      ${col((s) => s.traceId)}::text[], ${col((s) => s.spanId)}::text[], ${col((s) => s.parentSpanId)}::text[],
      ${col((s) => s.name)}::text[], ${col((s) => s.kind)}::smallint[], ${col((s) => s.startUs)}::bigint[],
      ${col((s) => s.endUs)}::bigint[], ${col((s) => s.statusCode)}::smallint[], ${col((s) => s.statusMessage)}::text[],
      ${col((s) => JSON.stringify(s.attributes))}::text[], ${col((s) => JSON.stringify(s.events))}::text[],
      ${col((s) => JSON.stringify(s.resource))}::text[], ${col((s) => s.scope)}::text[])
    ON CONFLICT (trace_id, span_id) DO NOTHING
    RETURNING id, trace_id, span_id`;
}

export function existingSpansStatement(traceIds: string[], spanIds: string[]): Sql {
  return sql`SELECT s.id, s.trace_id, s.span_id, s.request_id FROM spans s
    JOIN unnest(${traceIds}::text[], ${spanIds}::text[]) AS x(t, s) ON s.trace_id = x.t AND s.span_id = x.s`;
}

/** The first request logged under each (span id, trace), not already in another trace. */
export function loggedRequestsStatement(spanIds: string[], traceIds: string[]): Sql {
  return sql`SELECT DISTINCT ON (x.s, x.t) x.s AS span_id, x.t AS trace_id, r.id
    FROM unnest(${spanIds}::text[], ${traceIds}::text[]) AS x(s, t)
    JOIN requests r ON r.span_id = x.s AND (r.trace_id IS NULL OR r.trace_id = x.t)
    ORDER BY x.s, x.t, r.id`;
}

export function adoptRequestsStatement(requestIds: number[], traceIds: string[]): Sql {
  return sql`UPDATE requests r SET trace_id = x.t FROM unnest(${requestIds}::bigint[], ${traceIds}::text[]) AS x(id, t)
    WHERE r.id = x.id AND r.trace_id IS NULL`;
}

export function setSpanRequestsStatement(spanRowIds: number[], requestIds: number[]): Sql {
  return sql`UPDATE spans s SET request_id = x.r FROM unnest(${spanRowIds}::bigint[], ${requestIds}::bigint[]) AS x(id, r)
    WHERE s.id = x.id`;
}

const LIGHT_COLUMNS = raw(TRACE_SPAN_COLUMNS);

export function traceStatement(traceId: string, limit: number): Sql {
  return sql`SELECT ${LIGHT_COLUMNS} FROM spans s LEFT JOIN requests r ON r.id = s.request_id
    WHERE s.trace_id = ${traceId} ORDER BY s.start_us, s.id LIMIT ${limit}::bigint`;
}

export function spanStatement(traceId: string, spanId: string): Sql {
  return sql`SELECT ${LIGHT_COLUMNS}, s.attributes, s.events, s.resource, s.scope
    FROM spans s LEFT JOIN requests r ON r.id = s.request_id WHERE s.trace_id = ${traceId} AND s.span_id = ${spanId}`;
}
