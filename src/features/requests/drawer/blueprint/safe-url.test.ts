import { describe, expect, it } from 'vitest';
import { safeImageSrc, safeLinkHref, shortUrl } from './safe-url.ts';

describe('safeImageSrc', () => {
  it.each([
    'https://example.com/cat.png',
    'http://example.com/a b.png',
    'data:image/png;base64,iVBORw0KGgo=',
    'DATA:IMAGE/JPEG;base64,/9j/',
  ])('allows %s', (url) => {
    expect(safeImageSrc(url)).not.toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '/relative.png',
    'blob:https://example.com/x',
    '',
  ])('refuses %s', (url) => {
    expect(safeImageSrc(url)).toBeNull();
  });
});

describe('safeLinkHref', () => {
  it('allows only http(s)', () => {
    expect(safeLinkHref('https://example.com/')).toBe('https://example.com/');
    expect(safeLinkHref('data:image/png;base64,AAAA')).toBeNull();
    expect(safeLinkHref('javascript:alert(1)')).toBeNull();
  });
});

describe('shortUrl', () => {
  it('keeps short URLs and cuts long ones', () => {
    expect(shortUrl('https://a.b/')).toBe('https://a.b/');
    const long = `data:image/png;base64,${'A'.repeat(10_000)}`;
    expect(shortUrl(long).length).toBeLessThan(200);
    expect(shortUrl(long)).toContain('10,022 characters');
  });
});
