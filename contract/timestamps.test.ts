import { describe, expect, test } from 'vitest';
import { parseTimeParam } from './filter-query.ts';
import { parseTimestamp } from './timestamps.ts';

describe('one timestamp reader (issue #8, item 10)', () => {
  test.each([
    '2026-02-30',
    '2026-02-30T10:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-01T24:00:00Z',
    '2026-01-01T10:60:00Z',
    '2026-01-01T10:00:61Z',
    '2026-01-01T10:00:00+25:00',
    'March 7, 2026',
    '0050-01-01',
    '10000-01-01',
  ])('refuses %j everywhere', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
    expect(parseTimeParam(text)).toBeUndefined();
  });

  test.each([
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2026-01-31T23:59:59.5Z', Date.UTC(2026, 0, 31, 23, 59, 59, 500)],
    ['2026-01-01 10:00:00', Date.UTC(2026, 0, 1, 10)],
    ['2026-01-01T10:00:00+05', Date.UTC(2026, 0, 1, 5)],
    ['2026-01-01T10:00:00-01:30', Date.UTC(2026, 0, 1, 11, 30)],
    ['9999-12-31T23:59:59Z', Date.UTC(9999, 11, 31, 23, 59, 59)],
  ])('reads %j', (text, ms) => {
    expect(parseTimestamp(text)).toBe(ms);
    expect(parseTimeParam(text)).toBe(ms);
  });

  test('numbers: seconds or ms in bodies and search, ms in the dashboard query', () => {
    expect(parseTimestamp(1_700_000_000)).toBe(1_700_000_000_000);
    expect(parseTimestamp(1_700_000_000_123)).toBe(1_700_000_000_123);
    expect(parseTimeParam('1700000000123')).toBe(1_700_000_000_123);
    expect(parseTimestamp(-1)).toBeUndefined();
    expect(parseTimestamp(9e15)).toBeUndefined();
  });
});
