/**
 * The only URLs the drawer ever hands to the browser. Anything else (javascript:, file:,
 * data:text/html, relative paths, blob:) is shown as text and never loaded or linked.
 */

const DATA_IMAGE = /^data:image\/[a-z0-9.+-]+[;,]/i;

function isHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** May be used as an <img src>: http(s) or an inline data:image/*. */
export function safeImageSrc(url: string): string | null {
  const trimmed = url.trim();
  if (DATA_IMAGE.test(trimmed)) return trimmed;
  return isHttp(trimmed) ? trimmed : null;
}

/** May be used as an <a href>: http(s) only. */
export function safeLinkHref(url: string): string | null {
  const trimmed = url.trim();
  return isHttp(trimmed) ? trimmed : null;
}

/** A display form of a URL that cannot flood the page (data: URLs can be megabytes). */
export function shortUrl(url: string, max = 120): string {
  return url.length <= max ? url : `${url.slice(0, max)}… (${url.length.toLocaleString('en-US')} characters)`;
}
