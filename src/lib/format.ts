/** Display formatting for times, money, tokens and latency. Pure functions; `now` is injectable for tests. */

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
  if (Number.isNaN(ms)) return '—';
  const diff = ms - now;
  if (Math.abs(diff) < 10_000) return 'just now';
  const [unit, size] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ['s', 1000];
  const amount = Math.floor(Math.abs(diff) / size);
  return diff < 0 ? `${amount}${unit} ago` : `in ${amount}${unit}`;
}

/** "2026-11-25 17:06:11 UTC": unambiguous, sortable, the same for every reader. */
export function formatAbsoluteTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '—';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** USD with enough precision for fractions of a cent: $0, $0.00012, $0.0421, $1.23, $1,234.56. */
export function formatCost(usd: number): string {
  if (!Number.isFinite(usd) || usd === 0) return '$0';
  const abs = Math.abs(usd);
  if (abs >= 1) {
    return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  if (abs >= 0.01) return `$${usd.toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}`;
  return `$${usd.toPrecision(2).replace(/0+$/, '').replace(/\.$/, '')}`;
}

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 950, 1.2K, 3.4M */
export function formatTokens(count: number): string {
  if (count < 10_000) return count.toLocaleString('en-US');
  return compactFormat.format(count);
}

/** "120 → 45" */
export function formatTokenPair(input: number, output: number): string {
  return `${formatTokens(input)} → ${formatTokens(output)}`;
}

/** 850 ms, 1.24 s, 12.3 s, 2m 05s */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/** 12,345 */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
