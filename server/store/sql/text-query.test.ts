import { describe, expect, it } from 'vitest';
import {
  containsPattern,
  firstMatch,
  MAX_TRIGRAMS_PER_TERM,
  parseTextQuery,
  trigramMatch,
  trigramsOf,
  wordPrefixMatch,
} from './text-query.ts';

describe('parseTextQuery', () => {
  it('treats terms of 3+ characters as substrings and shorter ones as word prefixes', () => {
    expect(parseTextQuery('  Weather  v2 8F3A ')).toEqual({
      substrings: ['weather', '8f3a'],
      wordPrefixes: ['v2'],
    });
    expect(parseTextQuery('天气预报 ai')).toEqual({ substrings: ['天气预报'], wordPrefixes: ['ai'] });
  });
  it('counts characters, not UTF-16 units: two emoji are a short term', () => {
    expect(parseTextQuery('🎉🎊')).toBeNull();
    expect(parseTextQuery('🎉🎊🎈')?.substrings).toEqual(['🎉🎊🎈']);
  });
  it('returns null when nothing is searchable', () => {
    expect(parseTextQuery('')).toBeNull();
    expect(parseTextQuery('_ -- !')).toBeNull();
  });
});

describe('index queries', () => {
  it('quotes every trigram, so FTS5 syntax in q is only text', () => {
    const query = parseTextQuery('a"b*') ?? { substrings: [], wordPrefixes: [] };
    expect(trigramMatch(query)).toBe('"a""b" AND """b*"');
  });
  it('caps the trigrams of a long term, keeping its ends', () => {
    const long = 'abcdefghijklmnopqrstuvwxyz';
    const trigrams = trigramsOf(long);
    expect(trigrams.length).toBeLessThanOrEqual(MAX_TRIGRAMS_PER_TERM);
    expect(trigrams[0]).toBe('abc');
    expect(trigrams.at(-1)).toBe('xyz');
  });
  it('word prefixes are quoted prefix queries', () => {
    expect(wordPrefixMatch({ substrings: [], wordPrefixes: ['ai', 'v2'] })).toBe('"ai"* AND "v2"*');
    expect(wordPrefixMatch({ substrings: ['abc'], wordPrefixes: [] })).toBeNull();
  });
  it('escapes LIKE wildcards', () => {
    expect(containsPattern('100%_a\\')).toBe('%100\\%\\_a\\\\%');
  });
});

describe('firstMatch', () => {
  it('finds the earliest term, case-insensitively', () => {
    const query = parseTextQuery('WEATHER call') ?? { substrings: [], wordPrefixes: [] };
    expect(firstMatch('please call get_Weather_v2', query)).toEqual({ start: 7, length: 4 });
  });
  it('finds word prefixes only at a word start', () => {
    const query = parseTextQuery('ai') ?? { substrings: [], wordPrefixes: [] };
    expect(firstMatch('said AI rules', query)).toEqual({ start: 5, length: 2 });
    expect(firstMatch('said', query)).toBeNull();
  });
});
