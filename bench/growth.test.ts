import { expect, it } from 'vitest';
import { formatGrowthTable } from './growth.ts';
import type { JudgedRow } from './table.ts';

const row = (name: string, p95: number, extra: Partial<JudgedRow> = {}): JudgedRow => ({
  section: 'read',
  name,
  samples: 10,
  p50: p95 / 2,
  p95,
  verdict: 'pass',
  ...extra,
});

it('puts every figure beside the saved one with the ratio', () => {
  const now = [
    row('list: tag', 6),
    row('RSS', Number.NaN, { section: 'server', value: 300, unit: 'MB peak' }),
    row('new variant', 3),
  ];
  const saved = {
    args: { rows: 1_000_000, store: 'sqlite' },
    rows: [row('list: tag', 3), row('RSS', Number.NaN, { section: 'server', value: 200 })],
  };
  const lines = formatGrowthTable(now, 10_000_000, saved).split('\n');
  expect(lines[0]).toMatch(/at 10,000,000 +at 1,000,000 +ratio/);
  expect(lines[2]).toMatch(/list: tag +ms p95 +6\.00 +3\.00 +2\.00×/);
  expect(lines[3]).toMatch(/RSS +MB peak +300 +200 +1\.50×/);
  expect(lines[4]).toMatch(/new variant +ms p95 +3\.00 +—/);
});
