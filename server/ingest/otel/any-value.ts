/**
 * OTLP AnyValue and KeyValue lists → plain JSON values. Accepts the camelCase JSON mapping and
 * snake_case; 64-bit integers as numbers or strings (kept as strings past 2^53). Nesting and
 * size are bounded: a value over the limits rejects its span.
 */

export const MAX_DEPTH = 16;
export const MAX_ATTRIBUTES = 1_000;

export class SpanRejection extends Error {}

/** PostgreSQL text cannot hold U+0000: stored as U+FFFD on both stores, as for JSON bodies. */
export const scrubNul = (text: string): string =>
  text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Absent and null are the same (protobufjs leaves unset oneof members null). */
const field = (value: Record<string, unknown>, camel: string, snake: string): unknown =>
  value[camel] ?? value[snake] ?? undefined;

function int64(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  if (typeof value === 'object' && value !== null && 'low' in value && 'high' in value) {
    // protobufjs Long without the `long` package: {low, high, unsigned}.
    const { low, high } = value as { low: number; high: number };
    return high * 2 ** 32 + (low >>> 0);
  }
  return null;
}

export function anyValueToJson(value: unknown, depth = 0): Json {
  if (depth > MAX_DEPTH) throw new SpanRejection(`attribute values nested deeper than ${MAX_DEPTH} levels`);
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const s = field(v, 'stringValue', 'string_value');
  if (s !== undefined) return scrubNul(typeof s === 'string' ? s : String(s));
  const b = field(v, 'boolValue', 'bool_value');
  if (b !== undefined) return b === true || b === 'true';
  const i = field(v, 'intValue', 'int_value');
  if (i !== undefined) return int64(i);
  const d = field(v, 'doubleValue', 'double_value');
  if (d !== undefined) {
    const n = typeof d === 'number' ? d : Number(d);
    return Number.isFinite(n) ? n : String(d);
  }
  const array = field(v, 'arrayValue', 'array_value');
  if (array !== undefined) {
    const values = (array as { values?: unknown })?.values;
    if (!Array.isArray(values)) return [];
    if (values.length > MAX_ATTRIBUTES)
      throw new SpanRejection(`an array value has over ${MAX_ATTRIBUTES} items`);
    return values.map((item) => anyValueToJson(item, depth + 1));
  }
  const kvlist = field(v, 'kvlistValue', 'kvlist_value');
  if (kvlist !== undefined) return keyValuesToRecord((kvlist as { values?: unknown })?.values, depth + 1);
  const bytes = field(v, 'bytesValue', 'bytes_value');
  if (bytes !== undefined) {
    if (bytes instanceof Uint8Array) return Buffer.from(bytes).toString('base64');
    return typeof bytes === 'string' ? bytes : null;
  }
  return null;
}

/** `[{key, value: AnyValue}]` → `{key: json}`; a missing list is `{}`. */
export function keyValuesToRecord(list: unknown, depth = 0): { [key: string]: Json } {
  const record: { [key: string]: Json } = {};
  if (list === undefined || list === null) return record;
  if (!Array.isArray(list)) throw new SpanRejection('attributes must be a list of {key, value}');
  if (list.length > MAX_ATTRIBUTES) throw new SpanRejection(`more than ${MAX_ATTRIBUTES} attributes`);
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const rawKey = (entry as { key?: unknown }).key;
    if (typeof rawKey !== 'string') continue;
    const key = scrubNul(rawKey);
    Object.defineProperty(record, key, {
      value: anyValueToJson((entry as { value?: unknown }).value, depth),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return record;
}
