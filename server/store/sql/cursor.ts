/**
 * Keyset cursors: base64url JSON of [sort, order, sortValue, id]. The sort and order are part of
 * the cursor so that a cursor replayed against another sort is refused rather than misread.
 */
import type { SortField, SortOrder } from '../../../contract/api.ts';
import { InvalidCursorError } from '../errors.ts';

export interface CursorPosition {
  value: number;
  id: number;
}

export function encodeCursor(sort: SortField, order: SortOrder, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([sort, order, position.value, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: SortField, order: SortOrder): CursorPosition {
  if (cursor.length > 256 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw new InvalidCursorError();
  const [cursorSort, cursorOrder, value, id] = parsed as unknown[];
  if (cursorSort !== sort || cursorOrder !== order) {
    throw new InvalidCursorError('cursor belongs to another sort or order: start again without it');
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidCursorError();
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new InvalidCursorError();
  return { value, id };
}
