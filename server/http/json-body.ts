/**
 * JSON body checks beyond the parser. A parsed JSON body nested deeper than INGEST_LIMITS.jsonDepth is refused before any recursive
 * code (validation, normalisation, JSON.stringify) can overflow the stack on it. The walk is
 * iterative and names the top-level field at fault.
 */
import { INGEST_LIMITS } from '../../contract/limits.ts';
import { badRequest, HttpError } from './errors.ts';

/** The first top-level key (or array index) under which `value` nests deeper than `limit`, else null. */
export function tooDeepAt(value: unknown, limit = INGEST_LIMITS.jsonDepth): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const stack: { node: object; depth: number; top: string }[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: 2, top: key });
  }
  while (stack.length > 0) {
    const { node, depth, top } = stack.pop() as (typeof stack)[number];
    if (depth > limit) return top;
    for (const child of Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: depth + 1, top });
    }
  }
  return null;
}

export function assertJsonDepth(value: unknown): void {
  const at = tooDeepAt(value);
  if (at === null) return;
  const msg = `nested deeper than ${INGEST_LIMITS.jsonDepth} levels`;
  throw badRequest(`${at}: ${msg}`, [{ loc: ['body', at], msg, type: 'too_deep' }], 'too_deep');
}

/** JSON bodies are UTF-8 (RFC 8259): a declared charset other than UTF-8 is a 415, not mojibake. */
export function unsupportedCharset(contentType: string | undefined): HttpError | null {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return null;
  return new HttpError(
    415,
    'unsupported_media_type',
    `Unsupported charset '${charset}': send application/json in UTF-8.`,
  );
}

/**
 * The parser refuses `__proto__` and `constructor.prototype` keys (prototype poisoning) with the
 * same error as broken JSON; when the text is valid JSON, say what was really refused.
 */
export function forbiddenKeyOr(error: Error, text: string): Error {
  if ((error as { code?: string }).code !== 'FST_ERR_CTP_INVALID_JSON_BODY') return error;
  try {
    JSON.parse(text);
  } catch {
    return error;
  }
  const msg = 'a key named __proto__ (or constructor.prototype) is not accepted in a JSON body';
  return badRequest(`body: ${msg}`, [{ loc: ['body'], msg, type: 'forbidden_key' }], 'forbidden_key');
}
