/** Span storage types shared by the Store interface and both adapters. */
import type { SpanDetail, SpanEvent, TraceResponse } from '../../contract/traces.ts';
import type { NewRequest } from './store.ts';

/** A span ready to be stored: ids lowercase hex, times epoch microseconds, attributes plain JSON. */
export interface NewSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number;
  startUs: number;
  endUs: number;
  statusCode: number;
  statusMessage: string | null;
  attributes: Record<string, unknown>;
  events: SpanEvent[];
  resource: Record<string, unknown>;
  scope: string | null;
}

export interface SpanIngest {
  span: NewSpan;
  /** The request this span is (an LLM call), or null. */
  request: NewRequest | null;
  /**
   * A span id under which a request may already be logged (by /track-request): when a request
   * with that span_id exists, the span is linked to it and `request` is not logged again.
   * Defaults to the span's own id.
   */
  linkSpanId: string | null;
}

export interface SpanIngestResult {
  /** Row id of the stored span. */
  id: number;
  spanId: string;
  requestId: number | null;
  /** False when this span (trace id + span id) was already stored: nothing was written for it. */
  created: boolean;
}

/** Most spans one trace read returns (a bounded cost whatever a client sent). */
export const TRACE_READ_LIMIT = 20_000;

export interface SpanStore {
  /** Stores spans and the requests they carry in one transaction: all or nothing. */
  ingestSpans(items: SpanIngest[]): Promise<SpanIngestResult[]>;
  /** The spans of a trace by start time, or null when none is stored. */
  getTrace(traceId: string, limit?: number): Promise<TraceResponse | null>;
  getSpan(traceId: string, spanId: string): Promise<SpanDetail | null>;
}
