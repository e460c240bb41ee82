import { describe, expect, it } from 'vitest';
import { replaceJsonNulEscapes, urlHasNul } from './nul-characters.ts';

describe('NUL characters', () => {
  it('turns every \\u0000 escape into U+FFFD and leaves an escaped backslash followed by u0000 alone', () => {
    const text = JSON.stringify({
      a: 'x\u0000y',
      'k\u0000': ['\u0000'],
      literal: '\\u0000',
      both: '\\\u0000',
    });
    const parsed = JSON.parse(replaceJsonNulEscapes(text)) as Record<string, unknown>;
    expect(parsed).toEqual({ a: 'x\uFFFDy', 'k\uFFFD': ['\uFFFD'], literal: '\\u0000', both: '\\\uFFFD' });
    const plain = JSON.stringify({ a: 'no nul' });
    expect(replaceJsonNulEscapes(plain)).toBe(plain);
  });

  it('finds NUL in URLs', () => {
    expect(urlHasNul('/api/requests?tag=a%00b')).toBe(true);
    expect(urlHasNul('/api/requests?tag=a%2500b')).toBe(false);
    expect(urlHasNul('/api/requests?tag=ab')).toBe(false);
  });
});
