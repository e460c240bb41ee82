import { badRequest } from './errors.ts';

const ID = /^[1-9]\d{0,15}$/;

/** A positive integer id from a path or query parameter, or a 400 naming it. */
export function parseIdParam(raw: unknown, name: string, loc: 'path' | 'query' = 'path'): number {
  if (typeof raw === 'string' && ID.test(raw)) {
    const id = Number(raw);
    if (Number.isSafeInteger(id)) return id;
  }
  const msg = 'expected a positive integer';
  throw badRequest(`${name}: ${msg}`, [{ loc: [loc, name], msg, type: 'invalid_id' }], 'invalid_input');
}

/** The raw query string of a request, for the contract's URLSearchParams-based parsers. */
export function rawQuery(url: string): URLSearchParams {
  const index = url.indexOf('?');
  return new URLSearchParams(index === -1 ? '' : url.slice(index + 1));
}
