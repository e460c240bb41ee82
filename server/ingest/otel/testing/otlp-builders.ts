/** Test helpers: OTLP/JSON export requests from plain objects (attributes as `{key: value}`). */

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function anyValue(value: Plain): Record<string, unknown> {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number')
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(anyValue) } };
  if (value === null) return {};
  return { kvlistValue: { values: kv(value) } };
}

export const kv = (attributes: Record<string, Plain>) =>
  Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value) }));

export interface SpanInput {
  traceId?: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number | string;
  startMs?: number;
  durationMs?: number;
  attributes?: Record<string, Plain>;
  events?: { name: string; attributes: Record<string, Plain> }[];
  status?: { code: number | string; message?: string };
}

export const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const START_MS = Date.UTC(2026, 10, 27, 12, 0, 0);

export function otlpSpan(input: SpanInput): Record<string, unknown> {
  const startMs = input.startMs ?? START_MS;
  const start = BigInt(startMs) * 1_000_000n;
  const end = start + BigInt(Math.round((input.durationMs ?? 1000) * 1_000_000));
  return {
    traceId: input.traceId ?? TRACE_ID,
    spanId: input.spanId,
    ...(input.parentSpanId ? { parentSpanId: input.parentSpanId } : {}),
    name: input.name,
    kind: input.kind ?? 3,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    attributes: kv(input.attributes ?? {}),
    events: (input.events ?? []).map((event) => ({
      name: event.name,
      timeUnixNano: start.toString(),
      attributes: kv(event.attributes),
    })),
    status: input.status ?? { code: 0 },
  };
}

export function otlpExport(spans: Record<string, unknown>[], service = 'test-app'): Record<string, unknown> {
  return {
    resourceSpans: [
      {
        resource: { attributes: kv({ 'service.name': service }) },
        scopeSpans: [{ scope: { name: 'test-scope', version: '1.0.0' }, spans }],
      },
    ],
  };
}
