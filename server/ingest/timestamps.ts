/** A number below this is epoch seconds (Python's time.time()), otherwise epoch milliseconds. */
export const SECONDS_THRESHOLD = 1e11;
/** 9999-12-31T23:59:59Z: anything later is a unit mistake, not a date. */
const MAX_MS = 253_402_300_799_000;

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^\d+(?:\.\d+)?$/;

/**
 * Epoch ms from an ISO-8601 string, epoch seconds or epoch milliseconds (numbers or numeric
 * strings). An ISO string without an offset is read as UTC, as Python's naive isoformat() means.
 * Returns undefined when the value is none of those.
 */
export function toEpochMs(value: string | number): number | undefined {
  let ms: number;
  if (typeof value === 'number' || NUMERIC.test(value)) {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) return undefined;
    ms = n < SECONDS_THRESHOLD ? n * 1000 : n;
  } else {
    const match = ISO_DATE_TIME.exec(value.trim());
    if (!match) return undefined;
    const hasTime = /[T ]/i.test(value.trim());
    const offset = match[1];
    // No offset means UTC; a bare ±hh offset is valid ISO-8601 but Date.parse wants ±hh:mm.
    const text = !hasTime
      ? value.trim()
      : offset === undefined || offset === ''
        ? `${value.trim()}Z`
        : /^[+-]\d{2}$/.test(offset)
          ? `${value.trim()}:00`
          : value.trim();
    ms = Date.parse(text.replace(' ', 'T'));
    if (Number.isNaN(ms)) return undefined;
  }
  ms = Math.round(ms);
  return ms <= MAX_MS ? ms : undefined;
}
