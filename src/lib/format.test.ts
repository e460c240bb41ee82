import { describe, expect, it } from 'vitest';
import {
  formatAbsoluteTime,
  formatCost,
  formatLatency,
  formatRelativeTime,
  formatTokenPair,
  formatTokens,
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

describe('formatAbsoluteTime', () => {
  it('prints UTC to the second', () => {
    expect(formatAbsoluteTime('2026-11-25T17:06:11.123Z')).toBe('2026-11-25 17:06:11 UTC');
    expect(formatAbsoluteTime('2024-04-03T22:57:25+02:00')).toBe('2024-04-03 20:57:25 UTC');
  });
});

describe('formatCost', () => {
  it('keeps fractions of a cent readable', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(0.000123)).toBe('$0.00012');
    expect(formatCost(0.0421)).toBe('$0.0421');
    expect(formatCost(0.05)).toBe('$0.05');
    expect(formatCost(1.2)).toBe('$1.20');
    expect(formatCost(1234.567)).toBe('$1,234.57');
  });
});

describe('formatTokens', () => {
  it('uses grouping below 10k and compact above', () => {
    expect(formatTokens(950)).toBe('950');
    expect(formatTokens(9999)).toBe('9,999');
    expect(formatTokens(12_345)).toBe('12.3K');
    expect(formatTokens(3_400_000)).toBe('3.4M');
    expect(formatTokenPair(120, 45)).toBe('120 → 45');
  });
});

describe('formatLatency', () => {
  it('switches units at 1 s, 10 s and 1 min', () => {
    expect(formatLatency(850.4)).toBe('850 ms');
    expect(formatLatency(1240)).toBe('1.24 s');
    expect(formatLatency(12_340)).toBe('12.3 s');
    expect(formatLatency(125_000)).toBe('2m 05s');
    expect(formatLatency(-1)).toBe('—');
  });
});
