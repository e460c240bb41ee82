/** The benchmark's one table: judged rows, printed as text and written as JSON. */
import type { BenchResult } from './types.ts';

export type Verdict = 'pass' | 'fail' | 'n/a';

export interface JudgedRow extends BenchResult {
  /** API p50 / floor p50. */
  ratio?: number;
  verdict: Verdict;
  /** Why it failed, when it did. */
  why?: string;
}

/** API overhead over the SQL floor allowed at p50. */
export const MAX_FLOOR_RATIO = 2;

/** A read row: p95 within its budget and p50 within 2× the floor. */
export function judgeRead(result: BenchResult, budgetP95Ms: number | undefined): JudgedRow {
  const row: JudgedRow = { ...result, verdict: 'n/a' };
  if (result.floorP50 !== undefined && result.floorP50 > 0) row.ratio = result.p50 / result.floorP50;
  const problems: string[] = [];
  if (result.note?.includes('errors')) problems.push('errors');
  if (budgetP95Ms !== undefined) {
    if (!(result.p95 <= budgetP95Ms)) problems.push(`p95 ${fmt(result.p95)} > ${fmt(budgetP95Ms)} ms`);
    if (row.ratio !== undefined && row.ratio > MAX_FLOOR_RATIO)
      problems.push(`ratio ${row.ratio.toFixed(2)} > 2`);
  }
  if (budgetP95Ms === undefined && problems.length === 0) return row;
  row.verdict = problems.length === 0 ? 'pass' : 'fail';
  if (problems.length > 0) row.why = problems.join(', ');
  return row;
}

/**
 * "A deep cursor page costs the same as the first": the deep page's p50 may exceed the first
 * page's by at most 50% plus 1 ms of noise, on top of its own budget.
 */
export function judgeDeepPage(deep: JudgedRow, first: JudgedRow | undefined): JudgedRow {
  if (!first) return deep;
  const limit = first.p50 * 1.5 + 1;
  if (deep.p50 <= limit) return deep;
  const why = `p50 ${fmt(deep.p50)} vs first page ${fmt(first.p50)} ms`;
  return { ...deep, verdict: 'fail', why: deep.why ? `${deep.why}, ${why}` : why };
}

/** A row judged by the caller (ingest throughput, RSS, browser budgets). */
export function judged(result: BenchResult, ok: boolean | undefined, why?: string): JudgedRow {
  const row: JudgedRow = { ...result, verdict: ok === undefined ? 'n/a' : ok ? 'pass' : 'fail' };
  if (ok === false && why) row.why = why;
  return row;
}

/**
 * Judges a row by its own budget text, e.g. "p95 ≤ 300 ms" or "median ≤ 1000 ms" (median = p50),
 * as the browser benches state them. Budgets it cannot read are left unjudged.
 */
export function judgeByBudgetText(result: BenchResult): JudgedRow {
  const match = /\b(p50|p95|median)\s*(?:≤|<=)\s*([\d,.]+)\s*ms/i.exec(result.budget ?? '');
  if (!match?.[1] || !match[2]) return judged(result, undefined);
  const limit = Number(match[2].replaceAll(',', ''));
  const value = match[1].toLowerCase() === 'p95' ? result.p95 : result.p50;
  return judged(result, value <= limit, `${match[1]} ${fmt(value)} > ${fmt(limit)} ms`);
}

export function fmt(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function formatTable(rows: readonly JudgedRow[]): string {
  const header = [
    'section',
    'name',
    'samples',
    'p50 ms',
    'p95 ms',
    'floor p50',
    'floor p95',
    'ratio',
    'budget',
    'result',
    'note',
  ];
  const body = rows.map((row) => [
    row.section,
    row.name,
    String(row.samples),
    fmt(row.p50),
    fmt(row.p95),
    fmt(row.floorP50),
    fmt(row.floorP95),
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
    row.budget ?? '',
    row.verdict === 'n/a' ? '—' : row.verdict === 'pass' ? 'PASS' : `FAIL (${row.why ?? ''})`,
    row.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
