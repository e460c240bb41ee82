/**
 * `new Date(ms).toISOString()`, exactly, without a Date per call: a list page formats two
 * timestamps per row, and Date construction + formatting was a third of the row mapping.
 * The "YYYY-MM-DDT" part is cached per UTC day; the time of day is plain arithmetic.
 */
const DAY_MS = 86_400_000;
const MAX_CACHED_DAYS = 4096;
const dayPrefixes = new Map<number, string>();

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    const text = new Date(day * DAY_MS).toISOString();
    prefix = text.slice(0, text.indexOf('T') + 1);
    if (dayPrefixes.size >= MAX_CACHED_DAYS) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

export function isoTime(ms: number): string {
  // Non-integers, NaN and out-of-range values: let Date decide (truncates, or throws RangeError).
  if (!Number.isSafeInteger(ms) || ms < -8.64e15 || ms > 8.64e15) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${dayPrefix(day)}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(rest - seconds * 1000)}Z`;
}
