/**
 * Traces: trace ingest (OTLP/HTTP POST /v1/traces, PromptLayer's POST /spans-bulk), the dashboard's
 * /api/traces routes and PromptLayer's GET /api/public/v2/traces/{id}.
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

const hexId = (pattern: RegExp, size: number) =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.string().regex(pattern, `expected ${size} hexadecimal characters`));
export const traceIdParamSchema = hexId(TRACE_ID_PATTERN, 32);
export const spanIdParamSchema = hexId(SPAN_ID_PATTERN, 16);
export const traceParamsSchema = z.object({ traceId: traceIdParamSchema });
export const spanParamsSchema = z.object({ traceId: traceIdParamSchema, spanId: spanIdParamSchema });

/** PromptLayer's GET /api/public/v2/traces/{trace_id}. */
export const publicTraceParamsSchema = z.object({ trace_id: traceIdParamSchema });
export const publicTraceResponseSchema = z.object({
  success: z.literal(true),
  trace_id: z.string(),
  truncated: z.boolean(),
  spans: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      span_id: z.string(),
      parent_id: z.string().nullable(),
      start_time: z.string(),
      end_time: z.string(),
      status_code: z.number().int(),
      request_log_id: z.number().int().nullable(),
    }),
  ),
});

/** POST /v1/traces: OTLP's ExportTraceServiceResponse (sent as JSON, or as protobuf to a protobuf export). */
export const otlpExportResponseSchema = z.object({
  partialSuccess: z.object({ rejectedSpans: z.number().int(), errorMessage: z.string() }).nullable(),
});
export type OtlpExportResponse = z.infer<typeof otlpExportResponseSchema>;

/** PromptLayer's POST /spans-bulk (201): the stored spans, and the requests their `log_request`s logged. */
const spanRowSchema = z.object({ id: z.number().int(), span_id: z.string() });
export const spansBulkResponseSchema = z.object({
  success: z.literal(true),
  spans: z.array(spanRowSchema),
  request_logs: z.array(spanRowSchema),
});
