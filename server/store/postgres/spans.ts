/** Spans on PostgreSQL: one transaction per batch, a handful of set-based statements. */
import type { SpanDetail, TraceResponse } from '../../../contract/traces.ts';
import type { SpanIngest, SpanIngestResult } from '../spans.ts';
import { toSpanDetail, toTraceSpan } from '../sql/span-rows.ts';
import type { NewRequest } from '../store.ts';
import type { Connection } from './connection.ts';
import {
  adoptRequestsStatement,
  existingSpansStatement,
  insertSpansStatement,
  loggedRequestsStatement,
  setSpanRequestsStatement,
  spanStatement,
  traceStatement,
} from './spans-sql.ts';
import { insertStatement } from './write-sql.ts';

const key = (traceId: string, spanId: string) => `${traceId}:${spanId}`;

export function ingestSpans(connection: Connection, items: SpanIngest[]): Promise<SpanIngestResult[]> {
  return connection.transaction(async (run) => {
    const spans = items.map((item) => item.span);
    const inserted = await run<{ id: string; trace_id: string; span_id: string }>(
      insertSpansStatement(spans),
    );
    const newRows = new Map(inserted.rows.map((row) => [key(row.trace_id, row.span_id), Number(row.id)]));
    const results: SpanIngestResult[] = [];
    const seen = new Set<string>();
    const fresh: { index: number; id: number; item: SpanIngest }[] = [];
    const duplicates: number[] = [];
    items.forEach((item, index) => {
      const k = key(item.span.traceId, item.span.spanId);
      const id = newRows.get(k);
      // A span id repeated within the batch is stored once, like a span re-sent later.
      if (id === undefined || seen.has(k)) duplicates.push(index);
      else fresh.push({ index, id, item });
      seen.add(k);
    });
    if (duplicates.length > 0) {
      const existing = await run(
        existingSpansStatement(
          duplicates.map((i) => items[i]?.span.traceId as string),
          duplicates.map((i) => items[i]?.span.spanId as string),
        ),
      );
      const byKey = new Map(
        existing.rows.map((row) => [key(String(row.trace_id), String(row.span_id)), row]),
      );
      for (const index of duplicates) {
        const span = items[index]?.span as SpanIngest['span'];
        const row = byKey.get(key(span.traceId, span.spanId));
        const requestId = row?.request_id == null ? null : Number(row.request_id);
        results[index] = { id: Number(row?.id ?? 0), spanId: span.spanId, requestId, created: false };
      }
    }
    const linkIds = fresh.map(({ item }) => item.linkSpanId ?? item.span.spanId);
    const linkKeys = fresh.map(({ item }, at) => key(item.span.traceId, linkIds[at] as string));
    const logged = new Map<string, number>();
    if (fresh.length > 0) {
      const found = await run<{ span_id: string; trace_id: string; id: string }>(
        loggedRequestsStatement(
          linkIds,
          fresh.map(({ item }) => item.span.traceId),
        ),
      );
      for (const row of found.rows) logged.set(key(row.trace_id, row.span_id), Number(row.id));
    }
    const adopt: { requestId: number; traceId: string }[] = [];
    const toInsert: { at: number; request: NewRequest }[] = [];
    const requestOf = new Map<number, number>();
    fresh.forEach(({ item }, at) => {
      const existing = logged.get(linkKeys[at] as string);
      if (existing !== undefined) {
        adopt.push({ requestId: existing, traceId: item.span.traceId });
        requestOf.set(at, existing);
      } else if (item.request) {
        toInsert.push({
          at,
          request: { ...item.request, traceId: item.span.traceId, spanId: item.span.spanId },
        });
      }
    });
    if (toInsert.length > 0) {
      const ids = await run<{ id: string }>(insertStatement(toInsert.map((x) => x.request)));
      ids.rows.forEach((row, i) => {
        requestOf.set(toInsert[i]?.at as number, Number(row.id));
      });
    }
    if (adopt.length > 0) {
      await run(
        adoptRequestsStatement(
          adopt.map((a) => a.requestId),
          adopt.map((a) => a.traceId),
        ),
      );
    }
    const linkedAt = [...requestOf.keys()];
    if (linkedAt.length > 0) {
      await run(
        setSpanRequestsStatement(
          linkedAt.map((at) => fresh[at]?.id as number),
          linkedAt.map((at) => requestOf.get(at) as number),
        ),
      );
    }
    fresh.forEach(({ index, id, item }, at) => {
      results[index] = { id, spanId: item.span.spanId, requestId: requestOf.get(at) ?? null, created: true };
    });
    return results;
  });
}

export async function readTrace(
  connection: Connection,
  traceId: string,
  limit: number,
): Promise<TraceResponse | null> {
  const result = await connection.query(traceStatement(traceId, limit + 1));
  if (result.rows.length === 0) return null;
  return {
    traceId,
    spans: result.rows.slice(0, limit).map(toTraceSpan),
    truncated: result.rows.length > limit,
  };
}

export async function readSpan(
  connection: Connection,
  traceId: string,
  spanId: string,
): Promise<SpanDetail | null> {
  const result = await connection.query(spanStatement(traceId, spanId));
  const row = result.rows[0];
  return row ? toSpanDetail(row, traceId) : null;
}
