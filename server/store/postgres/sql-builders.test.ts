/** The PostgreSQL adapter's pure parts (no database needed): query text, config, error mapping. */
import { describe, expect, it } from 'vitest';
import { emptyFilter, type RequestFilter } from '../../../contract/api.ts';
import { InvalidCursorError } from '../errors.ts';
import { poolSizeFromEnv, toConfig } from './connection.ts';
import { typedPlaceholder } from './dialect.ts';
import { DatabaseUnavailableError, describeTarget, isConnectionFailure, translateError } from './errors.ts';
import { countStatement, decodeCursor, encodeCursor, listStatement } from './list-sql.ts';

const filter = (patch: Partial<RequestFilter>): RequestFilter => ({ ...emptyFilter(), ...patch });

describe('placeholders typed from their values', () => {
  it('casts numbers, strings and booleans so PostgreSQL never guesses from the column', () => {
    expect(typedPlaceholder(1, 5)).toBe('$1::bigint');
    expect(typedPlaceholder(2, 1712345678123.5)).toBe('$2::float8');
    expect(typedPlaceholder(2, 1e30)).toBe('$2::float8');
    expect(typedPlaceholder(3, 'x')).toBe('$3::text');
    expect(typedPlaceholder(4, true)).toBe('$4::boolean');
    expect(typedPlaceholder(5, ['a'])).toBe('$5');
  });
});

describe('count statements', () => {
  const text = (f: RequestFilter) => toConfig(countStatement(f)).text;
  it('answers from the facet counters when they are exact', () => {
    expect(text(emptyFilter())).toMatch(/FROM facet_counts WHERE kind = \$1::text$/);
    expect(text(filter({ models: ['a', 'b'] }))).toContain('facet_counts');
    expect(text(filter({ statuses: ['ERROR'] }))).toContain('facet_counts');
    expect(text(filter({ tags: ['prod'] }))).toContain('facet_counts');
  });
  it('counts rows when counters could double count or cannot see the filter', () => {
    expect(text(filter({ tags: ['a', 'b'] }))).toContain('FROM requests r');
    expect(text(filter({ models: ['a'], statuses: ['ERROR'] }))).toContain('FROM requests r');
    expect(text(filter({ models: ['a'], from: 0 }))).toContain('FROM requests r');
    expect(text(filter({ q: 'hello' }))).toContain('FROM requests r');
  });
});

describe('cursors', () => {
  it('round-trips and refuses a cursor from another sort', () => {
    const cursor = encodeCursor('cost', 'desc', { value: 0.25, id: 7 });
    expect(decodeCursor(cursor, 'cost', 'desc')).toEqual({ value: 0.25, id: 7 });
    expect(() => decodeCursor(cursor, 'time', 'desc')).toThrow(InvalidCursorError);
    expect(() => decodeCursor('not-a-cursor', 'time', 'desc')).toThrow(InvalidCursorError);
  });
  it('continues strictly after the cursor row, in the sort order', () => {
    const cursor = encodeCursor('time', 'asc', { value: 1000, id: 3 });
    const { text, values } = toConfig(
      listStatement({ filter: emptyFilter(), sort: 'time', order: 'asc', limit: 50, cursor }),
    );
    expect(text).toMatch(/\(r\.start_ms, r\.id\) > \(\$1::bigint::bigint, \$2::bigint::bigint\)/);
    expect(values?.slice(0, 2)).toEqual([1000, 3]);
    expect(text).toMatch(/ORDER BY r\.start_ms ASC, r\.id ASC LIMIT \$3::bigint/);
    expect(values?.[2]).toBe(51);
  });
});

describe('configuration and errors', () => {
  it('reads PROMPTLOG_PG_POOL_SIZE', () => {
    expect(poolSizeFromEnv({})).toBe(10);
    expect(poolSizeFromEnv({ PROMPTLOG_PG_POOL_SIZE: '25' })).toBe(25);
    expect(() => poolSizeFromEnv({ PROMPTLOG_PG_POOL_SIZE: 'lots' })).toThrow(/PROMPTLOG_PG_POOL_SIZE/);
    expect(() => poolSizeFromEnv({ PROMPTLOG_PG_POOL_SIZE: '0' })).toThrow(/PROMPTLOG_PG_POOL_SIZE/);
  });
  it('tells an unreachable database from a bad query', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection'), { code: '57P01' });
    const syntax = Object.assign(new Error('syntax error'), { code: '42601' });
    expect(isConnectionFailure(refused)).toBe(true);
    expect(isConnectionFailure(shutdown)).toBe(true);
    expect(isConnectionFailure(syntax)).toBe(false);
    expect(() => translateError(refused, 'db:5432/x')).toThrow(DatabaseUnavailableError);
    expect(() => translateError(syntax, 'db:5432/x')).toThrow('syntax error');
  });
  it('never shows the password when naming the database', () => {
    expect(describeTarget('postgres://user:secret@db.internal:6543/promptlog')).toBe(
      'db.internal:6543/promptlog',
    );
  });
});
