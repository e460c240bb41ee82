/**
 * PromptLayer's legacy POST /spans-bulk body (its SDKs' span exporter): ids in `context`,
 * `parent_id` as hex (Python: unpadded), nanosecond times as strings (JS) or numbers (Python),
 * `kind`/`status_code` as "SpanKind.CLIENT"/"StatusCode.ERROR", attributes as a plain object,
 * and an optional per-span `log_request` (a /log-request body logged as that span's request).
 */
import type { SpanEvent } from '../../../contract/traces.ts';
import { validationFailed } from '../../http/errors.ts';
import type { NewSpan, SpanIngest } from '../../store/spans.ts';
import { normalizeLogRequest } from '../normalize-log-request.ts';
import { MAX_ATTRIBUTES, MAX_DEPTH } from './any-value.ts';
import { normalizeId } from './ids.ts';
import { MAX_SPANS_PER_EXPORT, TooManySpansError } from './otlp-traces.ts';
import { nanosToMicros, spanKind, statusCode } from './span-fields.ts';
import { spanToIngest } from './span-to-request.ts';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(loc: (string | number)[], msg: string): never {
  throw validationFailed(`${loc.join('.')}: ${msg}`, [{ loc: ['body', ...loc], msg, type: 'value_error' }]);
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH) return depth;
  if (Array.isArray(value)) return Math.max(depth, ...value.map((v) => depthOf(v, depth + 1)));
  if (isObj(value)) return Math.max(depth, ...Object.values(value).map((v) => depthOf(v, depth + 1)));
  return depth;
}

function plainRecord(value: unknown, loc: (string | number)[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isObj(value)) invalid(loc, 'expected an object');
  if (Object.keys(value).length > MAX_ATTRIBUTES) invalid(loc, `more than ${MAX_ATTRIBUTES} attributes`);
  if (depthOf(value) > MAX_DEPTH) invalid(loc, `nested deeper than ${MAX_DEPTH} levels`);
  return value;
}

function toSpan(raw: unknown, i: number): NewSpan {
  const at = (...rest: (string | number)[]) => ['spans', i, ...rest];
  if (!isObj(raw)) invalid(at(), 'expected an object');
  const context = isObj(raw.context) ? raw.context : {};
  const traceId = normalizeId(context.trace_id ?? raw.trace_id, 16);
  if (!traceId) invalid(at('context', 'trace_id'), 'expected a 32-hex trace id');
  const spanId = normalizeId(context.span_id ?? raw.span_id, 8);
  if (!spanId) invalid(at('context', 'span_id'), 'expected a 16-hex span id');
  const parent = normalizeId(raw.parent_id, 8);
  if (parent === undefined) invalid(at('parent_id'), 'expected a hex span id or null');
  const startUs = nanosToMicros(raw.start_time);
  if (startUs === undefined) invalid(at('start_time'), 'expected epoch nanoseconds');
  const endUs = nanosToMicros(raw.end_time) ?? startUs;
  const status = isObj(raw.status) ? raw.status : {};
  const events = Array.isArray(raw.events) ? raw.events.filter(isObj) : [];
  if (events.length > MAX_ATTRIBUTES) invalid(at('events'), `more than ${MAX_ATTRIBUTES} events`);
  const resource = isObj(raw.resource) ? raw.resource.attributes : undefined;
  return {
    traceId,
    spanId,
    parentSpanId: parent,
    name: typeof raw.name === 'string' ? raw.name.slice(0, 1024) : '',
    kind: spanKind(raw.kind),
    startUs,
    endUs: Math.max(startUs, endUs),
    statusCode: statusCode(status.status_code),
    statusMessage:
      typeof status.description === 'string' && status.description !== '' ? status.description : null,
    attributes: plainRecord(raw.attributes, at('attributes')),
    events: events.map(
      (event, k): SpanEvent => ({
        name: typeof event.name === 'string' ? event.name : '',
        timeUs: nanosToMicros(event.timestamp) ?? startUs,
        attributes: plainRecord(event.attributes, at('events', k, 'attributes')),
      }),
    ),
    resource: plainRecord(resource, at('resource', 'attributes')),
    scope: null,
  };
}

/** Validates the whole body first (a 422 names the field), so nothing of a bad batch is written. */
export function parseSpansBulk(body: unknown): SpanIngest[] {
  if (!isObj(body) || !Array.isArray(body.spans)) invalid(['spans'], 'expected an array of spans');
  const spans = body.spans as unknown[];
  if (spans.length > MAX_SPANS_PER_EXPORT)
    throw new TooManySpansError(`more than ${MAX_SPANS_PER_EXPORT} spans in one request`);
  return spans.map((raw, i) => {
    const ingest = spanToIngest(toSpan(raw, i));
    const logRequest = (raw as Obj).log_request;
    if (logRequest === undefined || logRequest === null) return ingest;
    try {
      return { ...ingest, request: normalizeLogRequest(logRequest) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return invalid(['spans', i, 'log_request'], message);
    }
  });
}
