/** Field readers shared by the OTLP and PromptLayer span formats: enums, times. */
import { SPAN_KINDS, STATUS_CODES } from '../../../contract/traces.ts';

function enumIndex(value: unknown, names: readonly string[], prefixes: string[]): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < names.length)
    return value;
  if (typeof value === 'string') {
    let name = value.toUpperCase();
    for (const prefix of prefixes) if (name.startsWith(prefix)) name = name.slice(prefix.length);
    const index = names.indexOf(name);
    if (index >= 0) return index;
    if (/^\d$/.test(name)) return enumIndex(Number(name), names, prefixes);
  }
  return 0;
}

/** 1..5 from 1, "SPAN_KIND_CLIENT", "SpanKind.CLIENT" or "CLIENT"; 0 when unknown. */
export const spanKind = (value: unknown): number => enumIndex(value, SPAN_KINDS, ['SPAN_KIND_', 'SPANKIND.']);

/** 0..2 from 2, "STATUS_CODE_ERROR", "StatusCode.ERROR" or "ERROR"; 0 (unset) when unknown. */
export const statusCode = (value: unknown): number =>
  enumIndex(value, STATUS_CODES, ['STATUS_CODE_', 'STATUSCODE.']);

/**
 * Epoch nanoseconds (a number, a decimal string — exact past 2^53 — or a protobufjs Long) →
 * epoch microseconds; undefined when it is not a time.
 */
export function nanosToMicros(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? Math.floor(value / 1000) : undefined;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value))
    return value.length <= 3 ? 0 : Number(value.slice(0, -3));
  if (typeof value === 'object' && value !== null && 'low' in value && 'high' in value) {
    const { low, high } = value as { low: number; high: number };
    return nanosToMicros(((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)).toString());
  }
  return undefined;
}
