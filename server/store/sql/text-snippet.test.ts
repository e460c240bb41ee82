import { describe, expect, it } from 'vitest';
import { rowMatches, snippetOf } from './text-snippet.ts';

const fragment = (snippet: ReturnType<typeof snippetOf>) =>
  snippet ? snippet.text.slice(snippet.start, snippet.start + snippet.length) : null;

describe('snippetOf', () => {
  it('marks the first match, keeping the original case', () => {
    const snippet = snippetOf('call get_WEATHER_v2 now', 'weather');
    expect(snippet).toEqual({ text: 'call get_WEATHER_v2 now', start: 9, length: 7 });
  });
  it('cuts a long text around the match and says so', () => {
    const text = `${'a'.repeat(500)} needle ${'b'.repeat(500)}`;
    const snippet = snippetOf(text, 'needle');
    expect(fragment(snippet)).toBe('needle');
    expect(snippet?.text.startsWith('…')).toBe(true);
    expect(snippet?.text.endsWith('…')).toBe(true);
    expect(snippet?.text.length).toBeLessThanOrEqual(202);
  });
  it('collapses white space and keeps the offsets right', () => {
    expect(fragment(snippetOf('line one\n\n\t  line two 天气预报', '天气预'))).toBe('天气预');
  });
  it('never splits a surrogate pair at the window edge', () => {
    const text = `${'🎉'.repeat(100)}x🎈🎈🎈`;
    const snippet = snippetOf(text, '🎈🎈🎈');
    expect(fragment(snippet)).toBe('🎈🎈🎈');
    expect(snippet?.text).not.toMatch(/^…[\uDC00-\uDFFF]/);
  });
  it('is null when q does not occur', () => {
    expect(snippetOf('hello', 'xyz')).toBeNull();
    expect(rowMatches('hello', 'world', 'wor')).toEqual({
      outputMatch: { text: 'world', start: 0, length: 3 },
    });
  });
});
