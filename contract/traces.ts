/**
 * Traces: the dashboard's /api/traces routes and PromptLayer's GET /api/public/v2/traces/{id}.
 * Span times are epoch microseconds (OTLP's nanoseconds lose nothing a timeline can show).
 */
import { z } from 'zod';

export const TRACE_ID_PATTERN = /^[0-9a-f]{32}$/;
export const SPAN_ID_PATTERN = /^[0-9a-f]{16}$/;

/** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
export const SPAN_KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;
/** OTLP StatusCode: 0 unset, 1 ok, 2 error. */
export const STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const;

/** One span of a trace as the timeline needs it (no attributes: those come per span). */
export const traceSpanSchema = z.object({
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  name: z.string(),
  kind: z.number().int(),
  startUs: z.number(),
  endUs: z.number(),
  statusCode: z.number().int(),
  statusMessage: z.string().nullable(),
  /** The request this span logged or is linked to, if any. */
  requestId: z.number().int().nullable(),
});
export type TraceSpan = z.infer<typeof traceSpanSchema>;

export const traceResponseSchema = z.object({
  traceId: z.string(),
  spans: z.array(traceSpanSchema),
  /** True when the trace has more spans than one read returns (the earliest are kept). */
  truncated: z.boolean(),
});
export type TraceResponse = z.infer<typeof traceResponseSchema>;

export const spanEventSchema = z.object({
  name: z.string(),
  timeUs: z.number(),
  attributes: z.record(z.string(), z.unknown()),
});
export type SpanEvent = z.infer<typeof spanEventSchema>;

/** Everything about one span. */
export const spanDetailSchema = traceSpanSchema.extend({
  traceId: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  events: z.array(spanEventSchema),
  resource: z.record(z.string(), z.unknown()),
  scope: z.string().nullable(),
});
export type SpanDetail = z.infer<typeof spanDetailSchema>;
