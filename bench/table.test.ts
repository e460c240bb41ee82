import { describe, expect, it } from 'vitest';
import { formatTable, judgeByBudgetText, judgeDeepPage, judgeRead } from './table.ts';
import type { BenchResult } from './types.ts';

const read = (p50: number, p95: number, floorP50?: number): BenchResult => ({
  section: 'read',
  name: 'list: x',
  samples: 200,
  p50,
  p95,
  ...(floorP50 === undefined ? {} : { floorP50, floorP95: floorP50 * 2 }),
});

describe('judgeRead', () => {
  it('passes within the p95 budget and 2× the floor', () => {
    const row = judgeRead(read(4, 12, 3), 20);
    expect(row.verdict).toBe('pass');
    expect(row.ratio).toBeCloseTo(4 / 3);
  });

  it('fails on p95 over budget or API p50 over 2× the floor, naming why', () => {
    expect(judgeRead(read(4, 25, 3), 20)).toMatchObject({ verdict: 'fail', why: 'p95 25.0 > 20.0 ms' });
    expect(judgeRead(read(9, 12, 3), 20)).toMatchObject({ verdict: 'fail', why: 'ratio 3.00 > 2' });
  });

  it('leaves rows without a budget unjudged but still computes the ratio', () => {
    const row = judgeRead(read(1, 2, 0.5), undefined);
    expect(row.verdict).toBe('n/a');
    expect(row.ratio).toBe(2);
  });

  it('fails a row whose samples had errors', () => {
    const row = judgeRead({ ...read(1, 2, 1), note: '3 errors, first: 500 boom' }, 20);
    expect(row.verdict).toBe('fail');
  });
});

describe('judgeDeepPage', () => {
  it('fails a deep page that costs clearly more than the first page', () => {
    const first = judgeRead(read(4, 8, 3), 20);
    expect(judgeDeepPage(judgeRead(read(6, 9, 3), 20), first).verdict).toBe('pass');
    expect(judgeDeepPage(judgeRead(read(12, 15, 8), 20), first)).toMatchObject({
      verdict: 'fail',
      why: 'p50 12.0 vs first page 4.00 ms',
    });
  });
});

describe('judgeByBudgetText', () => {
  const browser = (budget: string | undefined): BenchResult => ({
    section: 'browser',
    name: 'first rows',
    samples: 5,
    p50: 800,
    p95: 1200,
    budget,
  });

  it('reads median/p50/p95 budgets', () => {
    expect(judgeByBudgetText(browser('median ≤ 1000 ms')).verdict).toBe('pass');
    expect(judgeByBudgetText(browser('p95 ≤ 1,000 ms')).verdict).toBe('fail');
    expect(judgeByBudgetText(browser('p50 <= 700 ms')).verdict).toBe('fail');
  });

  it('does not judge a budget it cannot read', () => {
    expect(judgeByBudgetText(browser('smooth scrolling')).verdict).toBe('n/a');
    expect(judgeByBudgetText(browser(undefined)).verdict).toBe('n/a');
  });
});

describe('formatTable', () => {
  it('prints a header and one aligned line per row with the verdict as text', () => {
    const text = formatTable([judgeRead(read(4, 25, 3), 20), judgeRead(read(1, 2), undefined)]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^section\s+name\s+samples\s+p50 ms/);
    expect(lines[2]).toContain('FAIL (p95 25.0 > 20.0 ms)');
    expect(lines[3]).toContain('—');
  });
});
