/**
 * The cost-growth table: every figure of this run beside the same figure from a saved run at
 * another size (by default the 1,000,000-request run, .bench/last-run-<store>-1000000.json), and
 * their ratio. A ratio near 1 means the cost does not grow with the number of requests.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { JudgedRow } from './table.ts';
import { fmt } from './table.ts';

export interface SavedRun {
  args: { rows: number; store: string };
  rows: JudgedRow[];
}

export function readSavedRun(path: string): SavedRun | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SavedRun;
  } catch {
    return null;
  }
}

/** The figure a row is compared by: its p95 when it has one, else its single value. */
function figure(row: JudgedRow): { value: number; unit: string } | null {
  if (Number.isFinite(row.p95)) return { value: row.p95, unit: 'ms p95' };
  if (row.value !== undefined && Number.isFinite(row.value))
    return { value: row.value, unit: row.unit ?? '' };
  return null;
}

export function formatGrowthTable(rows: readonly JudgedRow[], rowsNow: number, baseline: SavedRun): string {
  const before = new Map(baseline.rows.map((row) => [`${row.section}\u0000${row.name}`, row]));
  const header = [
    'section',
    'name',
    'unit',
    `at ${rowsNow.toLocaleString('en')}`,
    `at ${baseline.args.rows.toLocaleString('en')}`,
    'ratio',
  ];
  const body = rows.flatMap((row) => {
    const now = figure(row);
    const old = before.get(`${row.section}\u0000${row.name}`);
    const then = old ? figure(old) : null;
    if (!now) return [];
    const ratio = then && then.value > 0 ? `${(now.value / then.value).toFixed(2)}×` : '';
    return [[row.section, row.name, now.unit, fmt(now.value), then ? fmt(then.value) : '—', ratio]];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
