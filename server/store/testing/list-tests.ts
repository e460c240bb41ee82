/** List, cursor, filters, count and probe. */
import { describe, expect, it } from 'vitest';
import {
  listResponseSchema,
  type RequestFilter,
  SORT_FIELDS,
  type SortField,
} from '../../../contract/api.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { InvalidCursorError } from '../errors.ts';
import type { Store } from '../store.ts';
import { type ContractContext, filter } from './context.ts';
import { BASE_MS, expectedOrder, matches, type Stored } from './dataset.ts';

/** Reads every page and returns the ids in order. */
export async function walk(
  store: Store,
  query: { filter: RequestFilter; sort: SortField; order: 'asc' | 'desc'; limit: number },
  between?: (page: number) => Promise<void>,
): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const response = await store.listRequests({ ...query, ...(cursor ? { cursor } : {}) });
    listResponseSchema.parse(response);
    expect(response.rows.length).toBeLessThanOrEqual(query.limit);
    ids.push(...response.rows.map((row) => row.id));
    if (!response.nextCursor) return ids;
    cursor = response.nextCursor;
    await between?.(page);
  }
  throw new Error('cursor never ended');
}

const FILTERS: [string, Partial<RequestFilter>][] = [
  ['one model', { models: ['gpt-4o'] }],
  ['two models', { models: ['gpt-4o', 'claude-3-5-sonnet'] }],
  ['provider', { providers: ['openai'] }],
  ['status', { statuses: ['ERROR'] }],
  ['two statuses', { statuses: ['ERROR', 'WARNING'] }],
  ['tag', { tags: ['three'] }],
  ['any of two tags', { tags: ['three', 'sample'] }],
  ['unknown tag', { tags: ['nope'] }],
  ['prompt name', { promptNames: ['weather-bot'] }],
  ['metadata key=value', { metadata: [{ key: 'env', values: ['prod'] }] }],
  ['metadata any of two values', { metadata: [{ key: 'user_id', values: ['u1', 'u2'] }] }],
  [
    'two metadata keys (AND)',
    {
      metadata: [
        { key: 'env', values: ['dev'] },
        { key: 'region', values: ['eu-west'] },
      ],
    },
  ],
  ['score min', { scores: [{ name: 'default', min: 50 }] }],
  ['score max', { scores: [{ name: 'default', max: 30 }] }],
  ['score min and max', { scores: [{ name: 'accuracy', min: 10, max: 80 }] }],
  ['time range', { from: BASE_MS + 5 * 60_000, to: BASE_MS + 12 * 60_000 }],
  ['from only', { from: BASE_MS + 15 * 60_000 }],
  ['full text word', { q: 'quokka' }],
  ['full text two words', { q: 'weather number' }],
  ['full text prefix', { q: 'quok' }],
  ['full text no match', { q: 'xylophone' }],
  ['full text with syntax characters, as literal text', { q: '"answer"' }],
  ['full text syntax characters only, no match', { q: '"quokka" -(n1*' }],
  ['full text inside a word', { q: 'OKK' }],
  ['full text short term as a word prefix', { q: 'n1 about' }],
  [
    'metadata + model + time',
    {
      metadata: [{ key: 'env', values: ['dev'] }],
      models: ['gpt-4o', 'claude-3-5-sonnet'],
      from: BASE_MS + 2 * 60_000,
    },
  ],
  ['tag + status + q', { tags: ['even'], statuses: ['SUCCESS', 'WARNING'], q: 'about' }],
  [
    'score + provider + prompt',
    {
      scores: [{ name: 'default', min: 1 }],
      providers: ['openai', 'google'],
      promptNames: ['weather-bot', 'summarizer'],
    },
  ],
];

export function defineListTests(ctx: ContractContext): void {
  describe('list', () => {
    it('returns rows in the wire shape with previews, annotations and ISO times', async () => {
      const [first] = await ctx.seed();
      const response = await ctx
        .store()
        .listRequests({ filter: filter(), sort: 'time', order: 'asc', limit: 1 });
      const row = listResponseSchema.parse(response).rows[0];
      expect(row?.id).toBe(first?.id);
      expect(row).toMatchObject({
        provider: 'openai',
        model: 'gpt-4o',
        status: 'ERROR',
        errorType: 'PROVIDER_TIMEOUT',
        startTime: new Date(BASE_MS).toISOString(),
        latencyMs: 0,
        tags: expect.arrayContaining(['even', 'three', 'sample']),
        metadata: { env: 'dev', user_id: 'u0', region: 'eu-west' },
        scores: { default: 0, accuracy: 0 },
        promptName: 'weather-bot',
        promptVersion: 1,
        isToolCall: true,
      });
      expect(row?.inputPreview).toContain('Question number n0');
      expect(row?.inputPreview.length).toBeLessThanOrEqual(200);
      expect(row?.totalTokens).toBe((row?.inputTokens ?? 0) + (row?.outputTokens ?? 0));
    });

    it('is empty on an empty store', async () => {
      const response = await ctx
        .store()
        .listRequests({ filter: filter(), sort: 'time', order: 'desc', limit: 50 });
      expect(response).toEqual({ rows: [], nextCursor: null });
    });

    for (const sort of SORT_FIELDS) {
      for (const order of ['asc', 'desc'] as const) {
        it(`sorts by ${sort} ${order}, ties broken by id, across pages`, async () => {
          const stored = await ctx.seed();
          const ids = await walk(ctx.store(), { filter: filter(), sort, order, limit: 7 });
          expect(ids).toEqual(expectedOrder(stored, sort, order));
        });
      }
    }

    it('defaults to newest first and stops with a null cursor on the last page', async () => {
      const stored = await ctx.seed();
      const first = await ctx
        .store()
        .listRequests({ filter: filter(), sort: 'time', order: 'desc', limit: 60 });
      expect(first.rows.map((row) => row.id)).toEqual(expectedOrder(stored, 'time', 'desc'));
      expect(first.nextCursor).toBeNull();
      const smaller = await ctx
        .store()
        .listRequests({ filter: filter(), sort: 'time', order: 'desc', limit: 59 });
      expect(smaller.nextCursor).not.toBeNull();
    });

    for (const order of ['desc', 'asc'] as const) {
      it(`walks every row once (${order}) while new rows arrive between pages`, async () => {
        const stored = await ctx.seed();
        const added: number[] = [];
        const ids = await walk(
          ctx.store(),
          { filter: filter(), sort: 'time', order, limit: 8 },
          async (page) => {
            added.push(
              await ctx.store().insertRequest(makeNewRequest({ startMs: BASE_MS + 10 * 3_600_000 + page })),
            );
            added.push(
              await ctx.store().insertRequest(makeNewRequest({ startMs: BASE_MS - 3_600_000 - page })),
            );
            // A row with the exact sort value of rows already read.
            added.push(await ctx.store().insertRequest(makeNewRequest({ startMs: BASE_MS + 60_000 })));
          },
        );
        expect(new Set(ids).size).toBe(ids.length);
        const original = new Set(stored.map((row) => row.id));
        expect(ids.filter((id) => original.has(id))).toEqual(expectedOrder(stored, 'time', order));
        expect(ids.every((id) => original.has(id) || added.includes(id))).toBe(true);
      });
    }

    it('rejects a cursor it did not issue, or one from another sort', async () => {
      await ctx.seed();
      const store = ctx.store();
      const base = { filter: filter(), sort: 'time' as const, order: 'desc' as const, limit: 5 };
      for (const cursor of ['garbage!', 'e30', Buffer.from('[1,2]').toString('base64url'), 'x'.repeat(400)]) {
        await expect(store.listRequests({ ...base, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
      }
      const page = await store.listRequests(base);
      const cursor = page.nextCursor ?? '';
      await expect(store.listRequests({ ...base, sort: 'cost', cursor })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
      await expect(store.listRequests({ ...base, order: 'asc', cursor })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    });
  });

  describe('filters', () => {
    for (const [name, partial] of FILTERS) {
      it(`${name}: list (time desc, paged), cost sort and count agree with the filter`, async () => {
        const stored = await ctx.seed();
        const f = filter(partial);
        const expected = stored.filter((row) => matches(row.request, f));
        // A filter that matched everything (or, unless meant to, nothing) would prove little.
        expect(expected.length).toBeLessThan(stored.length);
        if (!/no match|unknown/.test(name)) expect(expected.length).toBeGreaterThan(0);
        const store = ctx.store();
        expect(await walk(store, { filter: f, sort: 'time', order: 'desc', limit: 4 })).toEqual(
          expectedOrder(expected, 'time', 'desc'),
        );
        expect(await walk(store, { filter: f, sort: 'time', order: 'asc', limit: 50 })).toEqual(
          expectedOrder(expected, 'time', 'asc'),
        );
        expect(await walk(store, { filter: f, sort: 'cost', order: 'desc', limit: 5 })).toEqual(
          expectedOrder(expected, 'cost', 'desc'),
        );
        expect(await store.countRequests(f)).toBe(expected.length);
      });
    }
  });

  describe('at planner scale', () => {
    it('filtered sorts agree with the filter when the filter is common, rare, or rare at one end of the sort', async () => {
      // Enough rows that estimates pass the adapters' thresholds (thousands), with a model that
      // only has the cheapest prices, so "cost desc" must look past the top of the cost order.
      const requests = Array.from({ length: 6500 }, (_, i) =>
        makeNewRequest({
          model: i % 10 === 0 ? 'cheap' : 'main',
          price: i % 10 === 0 ? (i % 3) * 0.0001 : 0.01 + (i % 97) * 0.001,
          startMs: BASE_MS + (i % 1000) * 1000,
          endMs: BASE_MS + (i % 1000) * 1000 + (i % 13) * 10,
          tags: i % 700 === 0 ? ['rare'] : [],
        }),
      );
      const ids = await ctx.store().insertRequests(requests);
      const stored = requests.map((request, i) => ({ id: ids[i] as number, request }));
      const cases: [Partial<RequestFilter>, SortField, 'asc' | 'desc'][] = [
        [{ models: ['main'] }, 'cost', 'desc'],
        [{ models: ['cheap'] }, 'cost', 'desc'],
        [{ models: ['main'], from: BASE_MS + 100_000, to: BASE_MS + 120_000 }, 'cost', 'desc'],
        [{ models: ['cheap', 'main'] }, 'latency', 'asc'],
        [{ tags: ['rare'] }, 'tokens', 'desc'],
        [{ models: ['main'], tags: ['rare'] }, 'time', 'desc'],
        [{ q: 'paris' }, 'time', 'desc'],
        [{ q: 'weather', from: BASE_MS + 100_000, to: BASE_MS + 400_000 }, 'time', 'asc'],
        [{ q: 'weather paris 12' }, 'time', 'desc'],
      ];
      for (const [partial, sort, order] of cases) {
        const f = filter(partial);
        const expected = expectedOrder(
          stored.filter((row) => matches(row.request, f)),
          sort,
          order,
        );
        const got = await walk(ctx.store(), { filter: f, sort, order, limit: 200 });
        expect(got.length).toBe(expected.length);
        expect(got).toEqual(expected);
      }
    });
  });

  describe('count and probe', () => {
    it('counts everything and by filter, and follows deletes', async () => {
      const stored = await ctx.seed();
      const store = ctx.store();
      expect(await store.countRequests(filter())).toBe(stored.length);
      expect(await store.countRequests(filter({ tags: ['sample'] }))).toBe(10);
      await store.deleteRequests(filter({ tags: ['sample'] }));
      expect(await store.countRequests(filter())).toBe(stored.length - 10);
      expect(await store.countRequests(filter({ tags: ['sample'] }))).toBe(0);
    });

    it('counts one metadata condition alone from counters that follow deletes and edits', async () => {
      const stored = await ctx.seed();
      const store = ctx.store();
      const prod = filter({ metadata: [{ key: 'env', values: ['prod', 'staging'] }] });
      const expected = (rows: Stored[]) => rows.filter(({ request }) => matches(request, prod)).length;
      expect(await store.countRequests(prod)).toBe(expected(stored));
      await store.deleteRequests(filter({ tags: ['sample'] }));
      const left = stored.filter(({ request }) => !request.tags.includes('sample'));
      expect(await store.countRequests(prod)).toBe(expected(left));
      const edited = left.find(({ request }) => request.metadata.env === 'prod');
      if (!edited) throw new Error('the dataset has a prod request');
      await store.setMetadata(edited.id, { env: 'dev' });
      expect(await store.countRequests(prod)).toBe(expected(left) - 1);
      await store.setMetadata(edited.id, { env: 'staging' });
      expect(await store.countRequests(prod)).toBe(expected(left));
    });

    it('reports the newest id, new matching rows after an id, and a change sequence that grows on every write', async () => {
      const store = ctx.store();
      expect(await store.probe(0, filter())).toMatchObject({ newestId: 0, newCount: 0 });
      const stored = await ctx.seed();
      const newest = Math.max(...stored.map((row) => row.id));
      const probe = await store.probe(0, filter());
      expect(probe.newestId).toBe(newest);
      expect(probe.newCount).toBe(stored.length);
      const after = stored[49]?.id ?? 0;
      const f = filter({ models: ['gpt-4o'] });
      const expected = stored.filter((row) => row.id > after && matches(row.request, f)).length;
      expect((await store.probe(after, f)).newCount).toBe(expected);
      expect((await store.probe(newest, filter())).newCount).toBe(0);

      let seq = probe.changeSeq;
      const id = stored[0]?.id ?? 0;
      const writes: (() => Promise<unknown>)[] = [
        () => store.insertRequest(makeNewRequest()),
        () => store.setMetadata(id, { k: 'v' }),
        () => store.deleteMetadata(id, 'k'),
        () => store.setScore(id, 'default', 10),
        () => store.deleteScore(id, 'default'),
        () => store.addTag(id, 'new-tag'),
        () => store.removeTag(id, 'new-tag'),
        () => store.deleteRequests(filter({ tags: ['sample'] })),
      ];
      for (const write of writes) {
        await write();
        const next = (await store.probe(0, filter())).changeSeq;
        expect(next).toBeGreaterThan(seq);
        seq = next;
      }
    });
  });
}
