/**
 * An OTLP ExportTraceServiceRequest (the JSON mapping, or a protobuf message turned into the
 * same shape) → spans to store. A body that is not an export request is an OtlpShapeError (400);
 * a span that cannot be stored is rejected on its own and counted for `partialSuccess`.
 */
import type { SpanEvent } from '../../../contract/traces.ts';
import type { NewSpan } from '../../store/spans.ts';
import { keyValuesToRecord, MAX_ATTRIBUTES, SpanRejection, scrubNul } from './any-value.ts';
import { normalizeId } from './ids.ts';
import { nanosToMicros, spanKind, statusCode } from './span-fields.ts';

/** Most spans accepted in one export (OpenTelemetry SDKs send 512 by default). */
export const MAX_SPANS_PER_EXPORT = 8_192;
const MAX_NAME = 1_024;

export class OtlpShapeError extends Error {}
export class TooManySpansError extends Error {}

export interface ParsedExport {
  spans: NewSpan[];
  rejected: number;
  /** The first few reasons, for partialSuccess.errorMessage. */
  reasons: string[];
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Absent and null are the same (protobufjs leaves unset message fields null). */
const get = (value: Obj, camel: string, snake: string): unknown => value[camel] ?? value[snake] ?? undefined;

function list(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new OtlpShapeError(`${what}: expected an array`);
  return value;
}

function events(value: unknown): SpanEvent[] {
  const items = Array.isArray(value) ? value : [];
  if (items.length > MAX_ATTRIBUTES) throw new SpanRejection(`more than ${MAX_ATTRIBUTES} events`);
  return items.filter(isObj).map((event) => ({
    name: typeof event.name === 'string' ? scrubNul(event.name) : '',
    timeUs: nanosToMicros(get(event, 'timeUnixNano', 'time_unix_nano')) ?? 0,
    attributes: keyValuesToRecord(event.attributes),
  }));
}

function toSpan(raw: unknown, resource: Record<string, unknown>, scope: string | null): NewSpan {
  if (!isObj(raw)) throw new SpanRejection('a span must be an object');
  const traceId = normalizeId(get(raw, 'traceId', 'trace_id'), 16);
  if (!traceId) throw new SpanRejection('span without a valid traceId');
  const spanId = normalizeId(get(raw, 'spanId', 'span_id'), 8);
  if (!spanId) throw new SpanRejection('span without a valid spanId');
  const parent = normalizeId(get(raw, 'parentSpanId', 'parent_span_id'), 8);
  const startUs = nanosToMicros(get(raw, 'startTimeUnixNano', 'start_time_unix_nano'));
  if (startUs === undefined) throw new SpanRejection(`span ${spanId} without startTimeUnixNano`);
  const endUs = nanosToMicros(get(raw, 'endTimeUnixNano', 'end_time_unix_nano')) ?? startUs;
  const status = isObj(raw.status) ? raw.status : {};
  const message = status.message;
  return {
    traceId,
    spanId,
    parentSpanId: parent ?? null,
    name: typeof raw.name === 'string' ? scrubNul(raw.name.slice(0, MAX_NAME)) : '',
    kind: spanKind(raw.kind),
    startUs,
    endUs: Math.max(startUs, endUs),
    statusCode: statusCode(status.code),
    statusMessage: typeof message === 'string' && message !== '' ? scrubNul(message) : null,
    attributes: keyValuesToRecord(raw.attributes),
    events: events(raw.events),
    resource,
    scope,
  };
}

export function parseExportRequest(body: unknown): ParsedExport {
  if (!isObj(body)) throw new OtlpShapeError('body: expected an OTLP ExportTraceServiceRequest object');
  const resourceSpans = get(body, 'resourceSpans', 'resource_spans');
  if (resourceSpans === undefined)
    throw new OtlpShapeError('resourceSpans: required (not an OTLP trace export)');
  const parsed: ParsedExport = { spans: [], rejected: 0, reasons: [] };
  const reject = (count: number, reason: string) => {
    parsed.rejected += count;
    if (parsed.reasons.length < 5 && !parsed.reasons.includes(reason)) parsed.reasons.push(reason);
  };
  let total = 0;
  for (const rs of list(resourceSpans, 'resourceSpans')) {
    if (!isObj(rs)) throw new OtlpShapeError('resourceSpans: expected objects');
    const scopes = list(get(rs, 'scopeSpans', 'scope_spans') ?? rs.instrumentationLibrarySpans, 'scopeSpans');
    for (const ss of scopes) {
      if (!isObj(ss)) throw new OtlpShapeError('scopeSpans: expected objects');
      const spans = list(ss.spans, 'spans');
      total += spans.length;
      if (total > MAX_SPANS_PER_EXPORT)
        throw new TooManySpansError(`more than ${MAX_SPANS_PER_EXPORT} spans in one export`);
    }
  }
  for (const rs of resourceSpans as Obj[]) {
    const scopes = (get(rs, 'scopeSpans', 'scope_spans') ?? rs.instrumentationLibrarySpans ?? []) as Obj[];
    let resource: Record<string, unknown>;
    try {
      resource = keyValuesToRecord(isObj(rs.resource) ? rs.resource.attributes : undefined);
    } catch (error) {
      if (!(error instanceof SpanRejection)) throw error;
      reject(
        scopes.reduce((n, ss) => n + ((ss.spans as unknown[] | undefined)?.length ?? 0), 0),
        `resource: ${error.message}`,
      );
      continue;
    }
    for (const ss of scopes) {
      const scopeObj = ss.scope ?? ss.instrumentationLibrary;
      const scope =
        isObj(scopeObj) && typeof scopeObj.name === 'string' && scopeObj.name !== '' ? scopeObj.name : null;
      for (const raw of (ss.spans ?? []) as unknown[]) {
        try {
          parsed.spans.push(toSpan(raw, resource, scope));
        } catch (error) {
          if (!(error instanceof SpanRejection)) throw error;
          reject(1, error.message);
        }
      }
    }
  }
  return parsed;
}
