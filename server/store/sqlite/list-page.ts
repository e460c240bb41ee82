/**
 * One list page of `(id, sk)` rows on SQLite: estimates, plan choice, and the fallback from a
 * windowed sort to a sorted driver. Shared by SqliteStore and the benchmark's SQL floor, so the
 * floor runs exactly the statements the store runs.
 */
import type { CursorPosition } from '../sql/cursor.ts';
import type { DbRow } from '../sql/rows.ts';
import { sqliteDialect as dialect } from './dialect.ts';
import { candidatesOf } from './filter.ts';
import {
  chooseDriver,
  estimateSql,
  ftsWindowPageSql,
  needsEstimates,
  type PageInput,
  SORT_DRIVE_MAX,
  sortedPageSql,
  timePageSql,
} from './list-plan.ts';
import type { Statements } from './statements.ts';

export function readPage(statements: Statements, input: PageInput): DbRow[] {
  // Free text alone: the newest window usually fills the page, and is exact when it does;
  // estimating a common (prefix) term would cost more than the page itself.
  const window = input.sort === 'time' ? ftsWindowPageSql(dialect, input) : null;
  if (window) {
    const rows = statements.all(window);
    if (rows.length >= input.take) return rows;
  }
  const candidates = candidatesOf(input.filter);
  const estimates = needsEstimates(candidates)
    ? candidates.map((candidate) => Number(statements.get(estimateSql(dialect, candidate))?.n ?? 0))
    : [];
  const driver = chooseDriver(candidates, estimates);
  if (input.sort === 'time') return statements.all(timePageSql(dialect, input, driver));
  if (driver === null) return statements.all(sortedPageSql(dialect, input, { kind: 'scan' }));
  const estimate =
    estimates.length === 0
      ? Number(statements.get(estimateSql(dialect, driver))?.n ?? 0)
      : (estimates[candidates.indexOf(driver)] ?? Number.MAX_SAFE_INTEGER);
  if (estimate >= SORT_DRIVE_MAX) {
    const rows = statements.all(sortedPageSql(dialect, input, { kind: 'window' }));
    if (rows.length >= input.take) return rows;
  }
  return statements.all(sortedPageSql(dialect, input, { kind: 'drive', driver }));
}

export type { CursorPosition, PageInput };
