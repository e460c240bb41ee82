/**
 * U+0000 cannot be stored by PostgreSQL (text or jsonb), so both adapters get the same input:
 * in JSON bodies it becomes U+FFFD (a log is never refused for it), in URLs it is a 400.
 * Valid JSON can only carry NUL as the escape `\u0000`, so the raw text is rewritten before parsing.
 */

/** `\u0000` escapes preceded by an even number of backslashes (an odd one would escape the `\` itself). */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

export function replaceJsonNulEscapes(json: string): string {
  return json.includes('\\u0000') ? json.replace(NUL_ESCAPE, '$1\\ufffd') : json;
}

export function urlHasNul(url: string): boolean {
  return url.includes('%00') || url.includes('\u0000');
}
