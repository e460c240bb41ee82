/**
 * `--busy`: the read and browser rows side by side, quiet and busy. Browser rows are judged in the
 * busy column against the busy budgets (median); read rows against their own p95 budget.
 */
import { BUSY_BROWSER_BUDGETS_MS } from './busy-load.ts';
import { fmt, type JudgedRow } from './table.ts';

export interface BusyRow {
  name: string;
  quiet: JudgedRow | undefined;
  busy: JudgedRow;
  budget: string;
  verdict: 'PASS' | 'FAIL' | '—';
}

export function compareBusy(quiet: readonly JudgedRow[], busy: readonly JudgedRow[]): BusyRow[] {
  return busy.map((row) => {
    const before = quiet.find((q) => q.section === row.section && q.name === row.name);
    const browserLimit = BUSY_BROWSER_BUDGETS_MS[row.name];
    if (browserLimit !== undefined) {
      return {
        name: row.name,
        quiet: before,
        busy: row,
        budget: `busy median ≤ ${browserLimit} ms`,
        verdict: row.p50 <= browserLimit ? 'PASS' : 'FAIL',
      };
    }
    return {
      name: row.name,
      quiet: before,
      busy: row,
      budget: row.budget ?? '',
      verdict: row.verdict === 'n/a' ? '—' : row.verdict === 'pass' ? 'PASS' : 'FAIL',
    };
  });
}

export function formatBusyTable(rows: readonly BusyRow[]): string {
  const header = ['name', 'quiet p50', 'quiet p95', 'busy p50', 'busy p95', 'budget', 'busy result'];
  const body = rows.map((row) => [
    row.name,
    fmt(row.quiet?.p50),
    fmt(row.quiet?.p95),
    fmt(row.busy.p50),
    fmt(row.busy.p95),
    row.budget,
    row.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const numeric = new Set([1, 2, 3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
