/** The richer filter conditions of issue #13 in the query string: grammar, errors, round trips. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NUMERIC_FILTER_FIELDS, NUMERIC_OPERATORS, type RequestFilter, STATUSES } from './api.ts';
import { filterToParams, parseFilterParams } from './filter-query.ts';

const parse = (query: string) => parseFilterParams(new URLSearchParams(query));

describe('richer filters in the query string', () => {
  test('reads exclusions, metadata operators and numeric conditions', () => {
    const parsed = parse(
      'not.model=gpt-4o&not.status=ERROR&not.tag=prod&not.prompt=p&not.provider=x' +
        '&not.meta.region=us&not.meta.region=eu&has_meta=env&no_meta=team&meta_contains.user=AdA' +
        '&latency=gt:1000&cost=lte:0.01&tokens=gte:5&input_tokens=lt:10&output_tokens=gt:0',
    );
    expect(parsed.ok && parsed.value).toMatchObject({
      exclude: {
        models: ['gpt-4o'],
        statuses: ['ERROR'],
        tags: ['prod'],
        promptNames: ['p'],
        providers: ['x'],
      },
      metaConditions: [
        { key: 'region', op: 'not_in', values: ['us', 'eu'] },
        { key: 'user', op: 'contains', value: 'AdA' },
        { key: 'env', op: 'exists' },
        { key: 'team', op: 'missing' },
      ],
      numeric: [
        { field: 'latency', op: 'gt', value: 1000 },
        { field: 'cost', op: 'lte', value: 0.01 },
        { field: 'input_tokens', op: 'lt', value: 10 },
        { field: 'output_tokens', op: 'gt', value: 0 },
        { field: 'tokens', op: 'gte', value: 5 },
      ],
    });
  });

  test('every URL that was valid before reads as before', () => {
    const parsed = parse('model=a&meta.region=us&score.default=1..&tag=t');
    expect(parsed.ok && parsed.value).toEqual({
      models: ['a'],
      providers: [],
      statuses: [],
      tags: ['t'],
      promptNames: [],
      metadata: [{ key: 'region', values: ['us'] }],
      scores: [{ name: 'default', min: 1 }],
    });
  });

  test.each([
    ['latency=above:3', 'latency'],
    ['latency=gt:1.5', 'latency'],
    ['tokens=gt:', 'tokens'],
    ['cost=gt:abc', 'cost'],
    ['not.status=DONE', 'not.status'],
    ['meta_contains.user=', 'meta_contains.user'],
  ])('%s names %s', (query, param) => {
    const parsed = parse(query);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((issue) => issue.param)).toContain(param);
  });

  test('bounds the number of values and conditions', () => {
    const many = Array.from({ length: 101 }, (_, i) => `not.model=m${i}`).join('&');
    expect(parse(many).ok).toBe(false);
    const keys = Array.from({ length: 21 }, (_, i) => `has_meta=k${i}`).join('&');
    expect(parse(keys).ok).toBe(false);
  });

  const text = fc.string({ minLength: 1, maxLength: 8 });
  const key = fc.stringMatching(/^[a-z_/.]{1,8}$/);
  const condition = fc.oneof(
    fc.record({
      key,
      op: fc.constant('not_in' as const),
      values: fc.array(text, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ key, op: fc.constant('exists' as const) }),
    fc.record({ key, op: fc.constant('missing' as const) }),
    fc.record({ key, op: fc.constant('contains' as const), value: text }),
  );
  const numeric = fc
    .record({
      field: fc.constantFrom(...NUMERIC_FILTER_FIELDS),
      op: fc.constantFrom(...NUMERIC_OPERATORS),
      value: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ field, op, value, fraction }) => ({
      field,
      op,
      value: field === 'cost' ? Number((value / 1000 + fraction).toFixed(6)) : value,
    }));

  test('writes and reads back any richer filter (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          exclude: fc.record(
            {
              models: fc.array(text, { minLength: 1, maxLength: 3 }),
              statuses: fc.subarray([...STATUSES], { minLength: 1 }),
              tags: fc.array(text, { minLength: 1, maxLength: 3 }),
            },
            { requiredKeys: [] },
          ),
          metaConditions: fc.array(condition, { maxLength: 4 }),
          numeric: fc.array(numeric, { maxLength: 4 }),
        }),
        (partial) => {
          const written = filterToParams(partial as Partial<RequestFilter>).toString();
          const first = parse(written);
          expect(first.ok).toBe(true);
          if (!first.ok) return;
          // Canonical once read: writing it again and reading it back changes nothing.
          const again = parse(filterToParams(first.value).toString());
          expect(again).toEqual(first);
          const got = first.value;
          expect(got.numeric ?? []).toEqual(
            expect.arrayContaining(partial.numeric.map((c) => expect.objectContaining(c))),
          );
          expect((got.numeric ?? []).length).toBe(partial.numeric.length);
          // not.meta.<key> values of one key gather into one condition.
          const notInKeys = new Set(
            partial.metaConditions.filter((c) => c.op === 'not_in').map((c) => c.key),
          );
          const others = partial.metaConditions.filter((c) => c.op !== 'not_in').length;
          expect((got.metaConditions ?? []).length).toBe(notInKeys.size + others);
          expect(got.exclude?.models ?? []).toEqual(partial.exclude.models ?? []);
          expect(got.exclude?.tags ?? []).toEqual(partial.exclude.tags ?? []);
        },
      ),
      { numRuns: 200 },
    );
  });
});
