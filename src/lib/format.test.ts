import { describe, expect, it } from 'vitest';
import {
  formatCost,
  formatDateTime,
  formatLatency,
  formatRelativeTime,
  formatStatus,
  formatTokenPair,
  formatTokens,
  formatUtcTime,
} from './format.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('formatRelativeTime', () => {
  it('says just now within ten seconds', () => {
    expect(formatRelativeTime('2026-11-25T11:59:55Z', NOW)).toBe('just now');
  });
  it('uses the largest whole unit', () => {
    expect(formatRelativeTime('2026-11-25T11:55:00Z', NOW)).toBe('5m ago');
    expect(formatRelativeTime('2026-11-25T09:00:00Z', NOW)).toBe('3h ago');
    expect(formatRelativeTime('2026-11-22T12:00:00Z', NOW)).toBe('3d ago');
    expect(formatRelativeTime('2026-11-24T12:00:00Z', NOW)).toBe('1d ago');
  });
  it('handles future times and garbage', () => {
    expect(formatRelativeTime('2026-11-25T14:00:00Z', NOW)).toBe('in 2h');
    expect(formatRelativeTime('not a date', NOW)).toBe('—');
  });
});

describe('formatUtcTime', () => {
  it('prints UTC to the second (the hover text)', () => {
    expect(formatUtcTime('2026-11-25T17:06:11.123Z')).toBe('2026-11-25 17:06:11 UTC');
    expect(formatUtcTime('2024-04-03T22:57:25+02:00')).toBe('2024-04-03 20:57:25 UTC');
  });
});

describe('formatDateTime', () => {
  it("uses the reader's locale and time zone", () => {
    const iso = '2026-11-25T17:06:11.123Z';
    const expected = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'medium' }).format(
      Date.parse(iso),
    );
    expect(formatDateTime(iso, 'de-DE')).toBe(expected);
    expect(formatDateTime(iso, 'de-DE')).toMatch(/25\.11\.2026/);
    expect(formatDateTime('nope')).toBe('—');
  });
});

describe('formatStatus', () => {
  it('writes every status in one case', () => {
    expect(['SUCCESS', 'WARNING', 'ERROR'].map(formatStatus)).toEqual(['Success', 'Warning', 'Error']);
  });
});

describe('formatCost', () => {
  it('keeps fractions of a cent readable', () => {
    expect(formatCost(0)).toBe('—');
    expect(formatCost(0.00001)).toBe('<$0.0001');
    expect(formatCost(0.000123)).toBe('$0.0001');
    expect(formatCost(0.0421)).toBe('$0.0421');
    expect(formatCost(0.05)).toBe('$0.0500');
    expect(formatCost(1.2)).toBe('$1.2000');
    expect(formatCost(1234.567)).toBe('$1,234.5670');
  });
});

describe('formatTokens', () => {
  it('uses grouping below 10k and compact above', () => {
    expect(formatTokens(950)).toBe('950');
    expect(formatTokens(9999)).toBe('9,999');
    expect(formatTokens(12_345)).toBe('12.3K');
    expect(formatTokens(3_400_000)).toBe('3.4M');
    expect(formatTokenPair(120, 45)).toBe('120 → 45');
    expect(formatTokenPair(0, 0)).toBe('—');
  });
});

describe('formatLatency', () => {
  it('uses one unit and precision, so a column lines up', () => {
    expect(formatLatency(850.4)).toBe('0.85 s');
    expect(formatLatency(1240)).toBe('1.24 s');
    expect(formatLatency(12_340)).toBe('12.34 s');
    expect(formatLatency(125_000)).toBe('125.00 s');
    expect(formatLatency(-1)).toBe('—');
  });
});
