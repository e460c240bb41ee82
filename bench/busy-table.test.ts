import { expect, it } from 'vitest';
import { compareBusy, formatBusyTable } from './busy-table.ts';
import type { JudgedRow } from './table.ts';

const row = (section: string, name: string, p50: number, extra: Partial<JudgedRow> = {}): JudgedRow => ({
  section,
  name,
  samples: 5,
  p50,
  p95: p50 * 1.5,
  verdict: 'n/a',
  ...extra,
});

it('judges browser rows by the busy budgets and keeps read verdicts', () => {
  const quiet = [row('browser', 'table: navigation → first rows (cold)', 400), row('read', 'list: tag', 2)];
  const busy = [
    row('browser', 'table: navigation → first rows (cold)', 1300),
    row('browser', 'table: filter change → updated rows', 350),
    row('read', 'list: tag', 9, { verdict: 'pass', budget: 'p95 ≤ 20 ms' }),
  ];
  const compared = compareBusy(quiet, busy);
  expect(compared.map((r) => r.verdict)).toEqual(['FAIL', 'PASS', 'PASS']);
  expect(compared[0]?.quiet?.p50).toBe(400);
  expect(compared[1]?.quiet).toBeUndefined();
  const text = formatBusyTable(compared);
  expect(text.split('\n')[0]).toMatch(
    /^name\s+quiet p50\s+quiet p95\s+busy p50\s+busy p95\s+budget\s+busy result$/,
  );
  expect(text).toContain('busy median ≤ 1200 ms');
});
