import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './percentile.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7, 1, 3], 50)).toBe(3);
    expect(percentile([7, 1, 3], 95)).toBe(7);
    expect(percentile([4], 1)).toBe(4);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is NaN for no samples and rejects out-of-range percentiles', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarizes p50 and p95', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(summarize(values)).toEqual({ samples: 20, p50: 10, p95: 19 });
  });
});
