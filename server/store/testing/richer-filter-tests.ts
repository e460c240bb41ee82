/**
 * The richer filter conditions (issue #13: exclusions, metadata operators, numeric comparisons)
 * against a brute-force evaluation of the dataset (dataset.ts `matches`): named cases, then random
 * combinations with the older filter parts (fast-check), through list pages, sorts and counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MetaCondition,
  NUMERIC_FILTER_FIELDS,
  NUMERIC_OPERATORS,
  type NumericCondition,
  type RequestFilter,
  STATUSES,
} from '../../../contract/api.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { FilterTooBroadError } from '../errors.ts';
import { CONTAINS_VALUES_MAX } from '../sql/meta-contains.ts';
import type { Store } from '../store.ts';
import { type ContractContext, filter } from './context.ts';
import { BASE_MS, expectedOrder, matches, type Stored } from './dataset.ts';
import { walk } from './list-tests.ts';

const CASES: [string, Partial<RequestFilter>][] = [
  ['not a model', { exclude: { models: ['gpt-4o'] } }],
  ['none of two models', { exclude: { models: ['gpt-4o', 'gemini-1.5-pro'] } }],
  ['not a provider', { exclude: { providers: ['openai'] } }],
  ['not a status', { exclude: { statuses: ['SUCCESS'] } }],
  ['not a tag', { exclude: { tags: ['even'] } }],
  ['not a prompt (requests without a prompt stay)', { exclude: { promptNames: ['weather-bot'] } }],
  [
    'model in, another model out',
    { models: ['gpt-4o', 'claude-3-5-sonnet'], exclude: { models: ['gpt-4o'] } },
  ],
  ['tag and not another tag', { tags: ['three'], exclude: { tags: ['even'] } }],
  [
    'metadata not equal (absent keys stay)',
    { metaConditions: [{ key: 'region', op: 'not_in', values: ['eu-west'] }] },
  ],
  ['metadata exists', { metaConditions: [{ key: 'region', op: 'exists' }] }],
  ['metadata does not exist', { metaConditions: [{ key: 'region', op: 'missing' }] }],
  ['metadata contains, any case', { metaConditions: [{ key: 'region', op: 'contains', value: 'EU' }] }],
  ['metadata contains several values', { metaConditions: [{ key: 'region', op: 'contains', value: 'E' }] }],
  ['metadata contains nothing', { metaConditions: [{ key: 'region', op: 'contains', value: 'mars' }] }],
  ['metadata contains on an unknown key', { metaConditions: [{ key: 'nope', op: 'contains', value: 'x' }] }],
  ['latency above', { numeric: [{ field: 'latency', op: 'gt', value: 300 }] }],
  ['cost at most', { numeric: [{ field: 'cost', op: 'lte', value: 0.001 }] }],
  [
    'tokens between',
    {
      numeric: [
        { field: 'tokens', op: 'gte', value: 10 },
        { field: 'tokens', op: 'lt', value: 30 },
      ],
    },
  ],
  [
    'input and output tokens',
    {
      numeric: [
        { field: 'input_tokens', op: 'gt', value: 10 },
        { field: 'output_tokens', op: 'lte', value: 5 },
      ],
    },
  ],
  [
    'metadata + not engine + time + latency',
    {
      metadata: [{ key: 'env', values: ['dev'] }],
      exclude: { models: ['gpt-4o'] },
      from: BASE_MS + 2 * 60_000,
      numeric: [{ field: 'latency', op: 'gte', value: 100 }],
    },
  ],
  ['q and not a status', { q: 'weather', exclude: { statuses: ['ERROR'] } }],
];

async function expectAgrees(store: Store, stored: readonly Stored[], f: RequestFilter): Promise<void> {
  const expected = stored.filter((row) => matches(row.request, f));
  expect(await walk(store, { filter: f, sort: 'time', order: 'desc', limit: 7 })).toEqual(
    expectedOrder(expected, 'time', 'desc'),
  );
  expect(await walk(store, { filter: f, sort: 'latency', order: 'asc', limit: 9 })).toEqual(
    expectedOrder(expected, 'latency', 'asc'),
  );
  expect(await store.countRequests(f)).toBe(expected.length);
}

const numericCondition: fc.Arbitrary<NumericCondition> = fc
  .record({ field: fc.constantFrom(...NUMERIC_FILTER_FIELDS), op: fc.constantFrom(...NUMERIC_OPERATORS) })
  .chain(({ field, op }) =>
    (field === 'cost' ? fc.constantFrom(0, 0.001, 0.002, 0.0015) : fc.integer({ min: 0, max: 700 })).map(
      (value) => ({ field, op, value }),
    ),
  );
const metaCondition: fc.Arbitrary<MetaCondition> = fc.oneof(
  fc.record({
    key: fc.constantFrom('env', 'region', 'user_id'),
    op: fc.constant('not_in' as const),
    values: fc.subarray(['dev', 'prod', 'eu-west', 'us-east', 'u1', 'u2'], { minLength: 1 }),
  }),
  fc.record({
    key: fc.constantFrom('region', 'nope'),
    op: fc.constantFrom('exists' as const, 'missing' as const),
  }),
  fc.record({
    key: fc.constantFrom('region', 'env', 'user_id'),
    op: fc.constant('contains' as const),
    value: fc.constantFrom('e', 'US', 'pro', 'u3', 'west'),
  }),
);
const richerFilter: fc.Arbitrary<Partial<RequestFilter>> = fc.record(
  {
    models: fc.subarray(['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet'], { minLength: 1 }),
    tags: fc.subarray(['even', 'three'], { minLength: 1 }),
    metadata: fc.constant([{ key: 'env', values: ['dev'] }]),
    from: fc.integer({ min: 0, max: 15 }).map((m) => BASE_MS + m * 60_000),
    exclude: fc.record(
      {
        models: fc.subarray(['gpt-4o', 'gemini-1.5-pro'], { minLength: 1 }),
        statuses: fc.subarray([...STATUSES], { minLength: 1, maxLength: 2 }),
        tags: fc.subarray(['even', 'sample'], { minLength: 1 }),
        promptNames: fc.subarray(['weather-bot', 'summarizer'], { minLength: 1 }),
      },
      { requiredKeys: [] },
    ),
    metaConditions: fc.array(metaCondition, { minLength: 1, maxLength: 2 }),
    numeric: fc.array(numericCondition, { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: [] },
);

export function defineRicherFilterTests(ctx: ContractContext): void {
  describe('richer filters', () => {
    for (const [name, partial] of CASES) {
      it(`${name}: list (time, latency) and count agree with a brute-force evaluation`, async () => {
        const stored = await ctx.seed();
        const f = filter(partial);
        const expected = stored.filter((row) => matches(row.request, f));
        expect(expected.length).toBeLessThan(stored.length);
        if (!/nothing|unknown/.test(name)) expect(expected.length).toBeGreaterThan(0);
        await expectAgrees(ctx.store(), stored, f);
      });
    }

    it('any combination with the other filter parts agrees with a brute-force evaluation (property)', async () => {
      const stored = await ctx.seed();
      await fc.assert(
        fc.asyncProperty(richerFilter, async (partial) => {
          await expectAgrees(ctx.store(), stored, filter(partial));
        }),
        { numRuns: 40 },
      );
    });

    it('deletes by a richer filter, and the probe counts by it', async () => {
      const stored = await ctx.seed();
      const f = filter({ exclude: { tags: ['even'] }, numeric: [{ field: 'latency', op: 'gt', value: 0 }] });
      const expected = stored.filter((row) => matches(row.request, f));
      expect((await ctx.store().probe(0, f)).newCount).toBe(expected.length);
      expect(await ctx.store().deleteRequests(f)).toBe(expected.length);
      expect(await ctx.store().countRequests(filter())).toBe(stored.length - expected.length);
    });

    it(`refuses a metadata contains that matches more than ${CONTAINS_VALUES_MAX} distinct values`, async () => {
      const many = Array.from({ length: CONTAINS_VALUES_MAX + 1 }, (_, i) =>
        makeNewRequest({ metadata: { session: `s-${i}` } }),
      );
      await ctx.store().insertRequests(many);
      const broad = filter({ metaConditions: [{ key: 'session', op: 'contains', value: 's-' }] });
      await expect(ctx.store().countRequests(broad)).rejects.toBeInstanceOf(FilterTooBroadError);
      await expect(
        ctx.store().listRequests({ filter: broad, sort: 'time', order: 'desc', limit: 5 }),
      ).rejects.toBeInstanceOf(FilterTooBroadError);
      const narrow = filter({ metaConditions: [{ key: 'session', op: 'contains', value: 'S-10' }] });
      // s-10 and s-100.
      expect(await ctx.store().countRequests(narrow)).toBe(2);
    });
  });
}
