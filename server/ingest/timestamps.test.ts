import { describe, expect, it } from 'vitest';
import { toEpochMs } from './timestamps.ts';

describe('toEpochMs', () => {
  it('reads ISO-8601 with Z, offsets, fractions, and without an offset as UTC', () => {
    expect(toEpochMs('2025-03-15T10:30:00Z')).toBe(Date.UTC(2025, 2, 15, 10, 30));
    expect(toEpochMs('2025-03-15T10:30:01.234Z')).toBe(Date.UTC(2025, 2, 15, 10, 30, 1, 234));
    expect(toEpochMs('2025-03-15T12:30:00+02:00')).toBe(Date.UTC(2025, 2, 15, 10, 30));
    expect(toEpochMs('2025-03-15T10:30:00.5')).toBe(Date.UTC(2025, 2, 15, 10, 30, 0, 500));
    expect(toEpochMs('2025-03-15 10:30:00')).toBe(Date.UTC(2025, 2, 15, 10, 30));
    expect(toEpochMs('2025-03-15T15:30:00+05')).toBe(Date.UTC(2025, 2, 15, 10, 30));
    expect(toEpochMs('2025-03-15T16:00:00+0530')).toBe(Date.UTC(2025, 2, 15, 10, 30));
    expect(toEpochMs('2025-03-15 15:30:00+05')).toBe(Date.UTC(2025, 2, 15, 10, 30));
  });

  it('reads numbers below 1e11 as epoch seconds (Python time.time()) and larger ones as ms', () => {
    expect(toEpochMs(1742034602.1)).toBe(1742034602100);
    expect(toEpochMs(1742034602100)).toBe(1742034602100);
    expect(toEpochMs('1742034602.1')).toBe(1742034602100);
    expect(toEpochMs(99_999_999_999)).toBe(99_999_999_999_000);
    expect(toEpochMs(100_000_000_000)).toBe(100_000_000_000);
  });

  it('rejects what is not a time', () => {
    expect(toEpochMs('yesterday')).toBeUndefined();
    expect(toEpochMs('March 7, 2025')).toBeUndefined();
    expect(toEpochMs('2025-13-45T99:99:99Z')).toBeUndefined();
    expect(toEpochMs(-5)).toBeUndefined();
    expect(toEpochMs(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(toEpochMs(1e20)).toBeUndefined();
  });
});
