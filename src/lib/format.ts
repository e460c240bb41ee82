/**
 * Display formatting for times, money, tokens, latency and statuses. Pure functions; `now` and
 * the locale are injectable for tests. One date-time format (the reader's locale, UTC on hover),
 * one empty-value mark.
 */

/** What every screen shows for a value that is missing or unknown. */
export const EMPTY_MARK = '—';

const UNITS: [string, number][] = [
  ['y', 365 * 24 * 3600_000],
  ['mo', 30 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
];

/** "just now", "5m ago", "3d ago", "in 2h": short and the same in every browser (no ICU variance). */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return EMPTY_MARK;
  const diff = ms - now;
  if (Math.abs(diff) < 10_000) return 'just now';
  const [unit, size] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ['s', 1000];
  const amount = Math.floor(Math.abs(diff) / size);
  return diff < 0 ? `${amount}${unit} ago` : `in ${amount}${unit}`;
}

/** "2026-11-25 17:06:11 UTC": unambiguous and the same for every reader; shown on hover. */
export function formatUtcTime(input: string | number): string {
  const ms = typeof input === 'number' ? input : Date.parse(input);
  if (Number.isNaN(ms)) return EMPTY_MARK;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The one date-time format on screen: the reader's locale and time zone, e.g. "Nov 25, 2026, 6:06:11 PM". */
export function formatDateTime(input: string | number, locale?: string): string {
  const ms = typeof input === 'number' ? input : Date.parse(input);
  if (Number.isNaN(ms)) return EMPTY_MARK;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(ms);
}
const dateTimeFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** Statuses in one case everywhere: "Success", "Warning", "Error". */
export function formatStatus(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1).toLowerCase();
}

const costFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

/** USD, always to 4 decimals so a column lines up: $0.0421, $0.0500, $1,234.5670; under a hundredth of a cent: <$0.0001; none sent: —. */
export function formatCost(usd: number): string {
  if (!Number.isFinite(usd) || usd === 0) return EMPTY_MARK;
  if (Math.abs(usd) < 0.0001) return '<$0.0001';
  return `$${costFormat.format(usd)}`;
}

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 950, 1.2K, 3.4M */
export function formatTokens(count: number): string {
  if (count < 10_000) return count.toLocaleString('en-US');
  return compactFormat.format(count);
}

/** "120 → 45"; no usage reported (both 0): —. */
export function formatTokenPair(input: number, output: number): string {
  if (input === 0 && output === 0) return EMPTY_MARK;
  return `${formatTokens(input)} → ${formatTokens(output)}`;
}

const latencyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Seconds to the hundredth, one unit for a whole column: 0.85 s, 1.24 s, 125.00 s. */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return EMPTY_MARK;
  return `${latencyFormat.format(ms / 1000)} s`;
}

/** 12,345 */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
