/**
 * A parsed JSON body nested deeper than INGEST_LIMITS.jsonDepth is refused before any recursive
 * code (validation, normalisation, JSON.stringify) can overflow the stack on it. The walk is
 * iterative and names the top-level field at fault.
 */
import { INGEST_LIMITS } from '../../contract/limits.ts';
import { badRequest } from './errors.ts';

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
