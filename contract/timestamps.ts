/**
 * THE timestamp reader, for ingest (/log-request, /track-request), the dashboard's from/to and the
 * PromptLayer search filter: ISO-8601 dates and date-times of real calendar days (2026-02-30 is
 * an error, not March 2) between 1970-01-01 and 9999-12-31, or epoch numbers. A date-time without
 * an offset is UTC. Numbers: PromptLayer bodies and search filters send epoch seconds (Python's
 * time.time(), below 1e11) or milliseconds; the dashboard's from/to are always milliseconds.
 */

/** A number below this is epoch seconds, otherwise epoch milliseconds (where seconds are allowed). */
export const SECONDS_THRESHOLD = 1e11;
/** 9999-12-31T23:59:59Z: the last instant every Date method can print. */
export const MAX_TIME_MS = 253_402_300_799_000;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^\d+(?:\.\d+)?$/;

function isoToMs(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset = ''] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const dayMs = Date.UTC(year, month - 1, day);
  if (day < 1 || new Date(dayMs).getUTCDate() !== day) return undefined;
  if (year < 100) return undefined; // Date.UTC maps years 0-99 to 1900-1999.
  let ms = dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + Math.round(Number(`0${frac}`) * 1000);
  if (offset && offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 23 || om > 59) return undefined;
    ms -= sign * (oh * 60 + om) * 60_000;
  }
  return ms;
}

/**
 * Epoch ms, or undefined when the value is not a timestamp in range. `numbers`: how a number (or
 * a string of digits) is read.
 */
export function parseTimestamp(
  value: unknown,
  numbers: 'seconds-or-ms' | 'ms' = 'seconds-or-ms',
): number | undefined {
  let ms: number | undefined;
  if (typeof value === 'number' || (typeof value === 'string' && NUMERIC.test(value.trim()))) {
    const n = Number(typeof value === 'string' ? value.trim() : value);
    if (!Number.isFinite(n) || n < 0) return undefined;
    ms = numbers === 'seconds-or-ms' && n < SECONDS_THRESHOLD ? n * 1000 : n;
  } else if (typeof value === 'string') {
    ms = isoToMs(value.trim());
  }
  if (ms === undefined) return undefined;
  ms = Math.round(ms);
  return ms >= 0 && ms <= MAX_TIME_MS ? ms : undefined;
}
