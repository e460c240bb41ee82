/** PromptLayer search (filter tree, q, sort, pages), export and delete by filter. */
import { describe, expect, it } from 'vitest';
import { requestDetailSchema } from '../../../contract/api.ts';
import type {
  SearchField,
  SearchFilter,
  SearchFilterGroup,
  SearchFilterNode,
} from '../../../contract/promptlayer-search.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { InvalidSearchFilterError } from '../errors.ts';
import { searchAsList } from '../sql/search-as-list.ts';
import type { NewRequest, SearchQuery } from '../store.ts';
import { type ContractContext, filter } from './context.ts';
import { BASE_MS, expectedOrder, matches, type Stored } from './dataset.ts';

const query = (filterGroup: SearchFilterGroup | null, extra: Partial<SearchQuery> = {}): SearchQuery => ({
  filterGroup,
  q: null,
  sortBy: 'request_start_time',
  sortOrder: 'desc',
  page: 1,
  perPage: 100,
  ...extra,
});

type Leaf = SearchFilter;

/** Never true, and nothing the list path maps: ORed with a tree, it forces the general compiler. */
const NEVER: SearchFilter = { field: 'cost', operator: 'is_null' };
const iso = (ms: number) => new Date(ms).toISOString();
const latency = (r: NewRequest) => r.endMs - r.startMs;

/** Each leaf with the JS predicate it must agree with. */
const LEAVES: [Leaf, (r: NewRequest) => boolean][] = [
  [{ field: 'engine', operator: 'is', value: 'gpt-4o' }, (r) => r.model === 'gpt-4o'],
  [{ field: 'engine', operator: 'is_not', value: 'gpt-4o' }, (r) => r.model !== 'gpt-4o'],
  [
    { field: 'provider_type', operator: 'in', value: ['google', 'anthropic'] },
    (r) => r.provider !== 'openai',
  ],
  [{ field: 'provider_type', operator: 'not_in', value: ['openai'] }, (r) => r.provider !== 'openai'],
  [{ field: 'status', operator: 'is', value: 'ERROR' }, (r) => r.status === 'ERROR'],
  [{ field: 'input_text', operator: 'contains', value: 'QUOKKA' }, (r) => r.inputText.includes('quokka')],
  [
    { field: 'input_text', operator: 'not_contains', value: 'quokka' },
    (r) => !r.inputText.includes('quokka'),
  ],
  [
    { field: 'output_text', operator: 'starts_with', value: '{"answer"' },
    (r) => r.outputText.startsWith('{"answer"'),
  ],
  [{ field: 'output_text', operator: 'ends_with', value: 'gpt-4o' }, (r) => r.outputText.endsWith('gpt-4o')],
  [{ field: 'input_text', operator: 'contains', value: '100%' }, () => false],
  [{ field: 'input_text', operator: 'contains', value: 'n1_' }, () => false],
  [{ field: 'cost', operator: 'eq', value: 0.002 }, (r) => r.price === 0.002],
  [{ field: 'cost', operator: 'neq', value: 0 }, (r) => r.price !== 0],
  [{ field: 'latency_ms', operator: 'gt', value: 300 }, (r) => latency(r) > 300],
  [{ field: 'latency_ms', operator: 'gte', value: 300 }, (r) => latency(r) >= 300],
  [{ field: 'input_tokens', operator: 'lt', value: 9 }, (r) => r.inputTokens < 9],
  [{ field: 'output_tokens', operator: 'lte', value: 5 }, (r) => r.outputTokens <= 5],
  [
    { field: 'input_tokens', operator: 'between', value: [6, 15] },
    (r) => r.inputTokens >= 6 && r.inputTokens <= 15,
  ],
  [{ field: 'cost', operator: 'is_null' }, () => false],
  [{ field: 'cost', operator: 'is_not_null' }, () => true],
  [
    { field: 'request_start_time', operator: 'before', value: iso(BASE_MS + 5 * 60_000) },
    (r) => r.startMs < BASE_MS + 5 * 60_000,
  ],
  [
    { field: 'request_start_time', operator: 'after', value: iso(BASE_MS + 15 * 60_000) },
    (r) => r.startMs > BASE_MS + 15 * 60_000,
  ],
  [
    {
      field: 'request_end_time',
      operator: 'between',
      value: [iso(BASE_MS + 60_000), iso(BASE_MS + 3 * 60_000)],
    },
    (r) => r.endMs >= BASE_MS + 60_000 && r.endMs <= BASE_MS + 3 * 60_000,
  ],
  [
    { field: 'request_start_time', operator: 'is', value: iso(BASE_MS + 60_000) },
    (r) => r.startMs === BASE_MS + 60_000,
  ],
  [{ field: 'tags', operator: 'contains', value: 'three' }, (r) => r.tags.includes('three')],
  [{ field: 'tags', operator: 'not_contains', value: 'three' }, (r) => !r.tags.includes('three')],
  [
    { field: 'tags', operator: 'in', value: ['sample', 'three'] },
    (r) => r.tags.some((t) => ['sample', 'three'].includes(t)),
  ],
  [
    { field: 'tags', operator: 'not_in', value: ['sample', 'even'] },
    (r) => !r.tags.some((t) => ['sample', 'even'].includes(t)),
  ],
  [{ field: 'tags', operator: 'is_empty' }, (r) => r.tags.length === 0],
  [{ field: 'tags', operator: 'is_not_empty' }, (r) => r.tags.length > 0],
  [{ field: 'metadata_keys', operator: 'contains', value: 'region' }, (r) => 'region' in r.metadata],
  [{ field: 'metadata_keys', operator: 'not_in', value: ['region'] }, (r) => !('region' in r.metadata)],
  [
    { field: 'tool_names', operator: 'contains', value: 'get_weather' },
    (r) => r.toolNames.includes('get_weather'),
  ],
  [{ field: 'tool_names', operator: 'is_empty' }, (r) => r.toolNames.length === 0],
  [
    { field: 'metadata', operator: 'key_equals', nested_key: 'env', value: 'prod' },
    (r) => r.metadata.env === 'prod',
  ],
  [
    { field: 'metadata', operator: 'key_not_equals', nested_key: 'region', value: 'eu-west' },
    (r) => r.metadata.region !== 'eu-west',
  ],
  [
    { field: 'metadata', operator: 'key_contains', nested_key: 'region', value: 'WEST' },
    (r) => (r.metadata.region ?? '').includes('west'),
  ],
  [
    { field: 'metadata', operator: 'in', nested_key: 'user_id', value: ['u1', 'u3'] },
    (r) => ['u1', 'u3'].includes(r.metadata.user_id ?? ''),
  ],
  [
    { field: 'metadata', operator: 'not_in', nested_key: 'user_id', value: ['u1'] },
    (r) => r.metadata.user_id !== 'u1',
  ],
  [{ field: 'metadata', operator: 'is_empty', nested_key: 'region' }, (r) => !r.metadata.region],
  [{ field: 'metadata', operator: 'is_not_empty', nested_key: 'region' }, (r) => Boolean(r.metadata.region)],
  [{ field: 'is_tool_call', operator: 'is_true' }, (r) => r.isToolCall],
  [{ field: 'is_tool_call', operator: 'is_false' }, (r) => !r.isToolCall],
  [{ field: 'is_json', operator: 'is_true' }, (r) => r.isJson],
];

async function ids(ctx: ContractContext, q: SearchQuery): Promise<number[]> {
  const result = await ctx.store().search(q);
  expect(result.total).toBeGreaterThanOrEqual(result.rows.length);
  return result.rows.map((row) => row.id);
}

function expectIds(stored: readonly Stored[], predicate: (r: NewRequest) => boolean): number[] {
  return expectedOrder(
    stored.filter((row) => predicate(row.request)),
    'time',
    'desc',
  );
}

export function defineSearchTests(ctx: ContractContext): void {
  describe('search (PromptLayer filter tree)', () => {
    for (const [leaf, predicate] of LEAVES) {
      const label = `${leaf.field} ${leaf.operator}${leaf.nested_key ? `[${leaf.nested_key}]` : ''} ${JSON.stringify(leaf.value ?? '')}`;
      it(label, async () => {
        const stored = await ctx.seed();
        const got = await ids(ctx, query({ logic: 'AND', filters: [leaf] }));
        expect(got).toEqual(expectIds(stored, predicate));
      });
    }

    it('nests AND and OR groups', async () => {
      const stored = await ctx.seed();
      const tree: SearchFilterGroup = {
        logic: 'OR',
        filters: [
          {
            logic: 'AND',
            filters: [
              { field: 'engine', operator: 'is', value: 'gpt-4o' },
              { field: 'status', operator: 'in', value: ['ERROR', 'WARNING'] },
            ],
          },
          {
            logic: 'AND',
            filters: [
              { field: 'tags', operator: 'contains', value: 'sample' },
              {
                logic: 'OR',
                filters: [
                  { field: 'is_json', operator: 'is_true' },
                  { field: 'cost', operator: 'gt', value: 0.002 },
                ],
              },
            ],
          },
        ],
      };
      const got = await ids(ctx, query(tree));
      const want = expectIds(
        stored,
        (r) =>
          (r.model === 'gpt-4o' && r.status !== 'SUCCESS') ||
          (r.tags.includes('sample') && (r.isJson || r.price > 0.002)),
      );
      expect(want.length).toBeGreaterThan(2);
      expect(got).toEqual(want);
      expect(await ids(ctx, query({ logic: 'AND', filters: [] }))).toHaveLength(stored.length);
    });

    it('combines the tree with q, sorts, and pages with a total', async () => {
      const stored = await ctx.seed();
      const tree: SearchFilterGroup = {
        logic: 'AND',
        filters: [{ field: 'provider_type', operator: 'is', value: 'openai' }],
      };
      const want = stored.filter(
        (row) => row.request.provider === 'openai' && matches(row.request, filter({ q: 'weather' })),
      );
      const byCost = [...want]
        .sort((a, b) => a.request.price - b.request.price || a.id - b.id)
        .map((row) => row.id);
      const page1 = await ctx
        .store()
        .search(query(tree, { q: 'weather', sortBy: 'cost', sortOrder: 'asc', perPage: 2 }));
      const page2 = await ctx
        .store()
        .search(query(tree, { q: 'weather', sortBy: 'cost', sortOrder: 'asc', perPage: 2, page: 2 }));
      expect(page1.total).toBe(want.length);
      expect([...page1.rows, ...page2.rows].map((row) => row.id)).toEqual(byCost.slice(0, 4));
      for (const sortBy of ['input_tokens', 'output_tokens', 'latency_ms', 'status'] as const) {
        const result = await ctx.store().search(query(null, { sortBy, sortOrder: 'desc' }));
        expect(result.rows).toHaveLength(stored.length);
      }
      const tokens = await ctx.store().search(query(null, { sortBy: 'input_tokens', sortOrder: 'asc' }));
      const values = tokens.rows.map((row) => row.inputTokens);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    });

    it('answers list-shaped filters (the dashboard planner) exactly like the general compiler', async () => {
      const stored = await ctx.seed();
      const start = stored.map((row) => row.request.startMs).sort((a, b) => a - b);
      const mid = start[Math.floor(start.length / 2)] as number;
      const shapes: SearchFilterNode[] = [
        { field: 'engine', operator: 'in', value: ['gpt-4o', 'claude-sonnet-4'] },
        { field: 'provider_type', operator: 'is', value: 'openai' },
        { field: 'status', operator: 'is', value: 'ERROR' },
        { field: 'tags', operator: 'contains', value: 'three' },
        { field: 'metadata', operator: 'key_equals', nested_key: 'env', value: 'prod' },
        { field: 'request_start_time', operator: 'after', value: iso(mid) },
        { field: 'request_start_time', operator: 'between', value: [iso(start[3] as number), iso(mid)] },
        {
          logic: 'AND',
          filters: [
            { field: 'tags', operator: 'in', value: ['even', 'sample'] },
            { field: 'metadata', operator: 'in', nested_key: 'user_id', value: ['u0', 'u2'] },
            { field: 'request_start_time', operator: 'before', value: mid },
          ],
        },
        // Mapped onto the richer list filters (issue #13).
        { field: 'engine', operator: 'is_not', value: 'gpt-4o' },
        { field: 'provider_type', operator: 'not_in', value: ['openai', 'google'] },
        { field: 'status', operator: 'not_in', value: ['SUCCESS'] },
        { field: 'tags', operator: 'not_contains', value: 'even' },
        { field: 'tags', operator: 'not_in', value: ['three', 'sample'] },
        { field: 'metadata', operator: 'key_contains', nested_key: 'region', value: 'WEST' },
        { field: 'metadata', operator: 'key_contains', nested_key: 'region', value: 'mars' },
        { field: 'metadata', operator: 'key_not_equals', nested_key: 'region', value: 'eu-west' },
        { field: 'metadata', operator: 'not_in', nested_key: 'user_id', value: ['u1', 'u2'] },
        { field: 'metadata_keys', operator: 'contains', value: 'region' },
        { field: 'metadata_keys', operator: 'not_contains', value: 'region' },
        { field: 'latency_ms', operator: 'gt', value: 300 },
        { field: 'latency_ms', operator: 'between', value: [99.5, 400.5] },
        { field: 'cost', operator: 'lte', value: 0.001 },
        { field: 'cost', operator: 'eq', value: 0.002 },
        { field: 'input_tokens', operator: 'gte', value: 12 },
        { field: 'output_tokens', operator: 'lt', value: 10 },
        {
          logic: 'OR',
          filters: [
            { field: 'engine', operator: 'is', value: 'gpt-4o' },
            { field: 'engine', operator: 'in', value: ['gemini-1.5-pro'] },
          ],
        },
        {
          logic: 'OR',
          filters: [
            { field: 'tags', operator: 'contains', value: 'three' },
            { field: 'tags', operator: 'contains', value: 'sample' },
          ],
        },
        {
          logic: 'AND',
          filters: [
            { field: 'metadata', operator: 'key_equals', nested_key: 'env', value: 'dev' },
            { field: 'engine', operator: 'is_not', value: 'gpt-4o' },
            { field: 'request_start_time', operator: 'after', value: iso(start[3] as number) },
            { field: 'cost', operator: 'gt', value: 0 },
          ],
        },
      ];
      for (const shape of shapes) {
        for (const extra of [
          {},
          { q: 'weather' },
          { sortBy: 'cost', sortOrder: 'asc', perPage: 3, page: 2 },
          { sortBy: 'latency_ms', perPage: 4, page: 3 },
        ] as Partial<SearchQuery>[]) {
          const plannedQuery = query({ logic: 'AND', filters: [shape] }, extra);
          // Each shape here is one the list path takes.
          expect(searchAsList(plannedQuery), JSON.stringify(shape)).not.toBeNull();
          const planned = await ctx.store().search(plannedQuery);
          // OR a never-true leaf: the same rows, and always the general compiler.
          const general = await ctx.store().search(query({ logic: 'OR', filters: [shape, NEVER] }, extra));
          const label = JSON.stringify({ shape, extra });
          expect(planned.total, label).toBe(general.total);
          expect(planned.rows, label).toEqual(general.rows);
        }
      }
    });

    it('refuses unknown fields, operators and malformed values with InvalidSearchFilterError', async () => {
      await ctx.seed();
      const bad: SearchFilterNode[] = [
        { field: 'nope' as SearchField, operator: 'is', value: 'x' },
        { field: 'engine', operator: 'contains', value: 'x' },
        { field: 'cost', operator: 'gt', value: 'abc' },
        { field: 'cost', operator: 'between', value: [1] },
        { field: 'request_start_time', operator: 'before', value: 'not a date' },
        { field: 'metadata', operator: 'key_equals', value: 'x' },
        { field: 'tags', operator: 'in', value: [] },
      ];
      for (const leaf of bad) {
        await expect(ctx.store().search(query({ logic: 'AND', filters: [leaf] }))).rejects.toBeInstanceOf(
          InvalidSearchFilterError,
        );
      }
      await expect(ctx.store().search(query({ logic: 'XOR' as 'AND', filters: [] }))).rejects.toBeInstanceOf(
        InvalidSearchFilterError,
      );
    });
  });

  describe('export', () => {
    it('yields every matching request once, in list order, with full details', async () => {
      const stored = await ctx.seed();
      // More rows than one export batch, to cross batch boundaries.
      const extra = Array.from({ length: 1100 }, (_, i) =>
        makeNewRequest({ startMs: BASE_MS - (i % 50) * 1000, tags: ['bulk'] }),
      );
      const extraIds = await ctx.store().insertRequests(extra);
      const all: Stored[] = [
        ...stored,
        ...extra.map((request, i) => ({ id: extraIds[i] as number, request })),
      ];
      const seen: number[] = [];
      for await (const detail of ctx.store().exportRequests(filter(), { sort: 'time', order: 'desc' })) {
        if (seen.length === 0) requestDetailSchema.parse(detail);
        seen.push(detail.id);
      }
      expect(seen).toEqual(expectedOrder(all, 'time', 'desc'));

      const f = filter({ tags: ['three'] });
      const filtered: { id: number; input: unknown }[] = [];
      for await (const detail of ctx.store().exportRequests(f, { sort: 'cost', order: 'asc' })) {
        filtered.push({ id: detail.id, input: detail.input });
      }
      const want = stored.filter((row) => matches(row.request, f));
      expect(filtered.map((row) => row.id)).toEqual(expectedOrder(want, 'cost', 'asc'));
      expect(filtered[0]?.input).toEqual(want.find((row) => row.id === filtered[0]?.id)?.request.input);
    });

    it('yields nothing when nothing matches', async () => {
      await ctx.seed();
      const seen: number[] = [];
      for await (const detail of ctx
        .store()
        .exportRequests(filter({ tags: ['none'] }), { sort: 'time', order: 'desc' }))
        seen.push(detail.id);
      expect(seen).toEqual([]);
    });
  });

  describe('delete by filter', () => {
    it('deletes exactly the matching requests with their annotations and full text', async () => {
      const stored = await ctx.seed();
      const store = ctx.store();
      const f = filter({ tags: ['sample'], statuses: ['SUCCESS'] });
      const doomed = stored.filter((row) => matches(row.request, f));
      expect(doomed.length).toBeGreaterThan(0);
      expect(await store.deleteRequests(f)).toBe(doomed.length);
      for (const row of doomed) expect(await store.getRequest(row.id)).toBeNull();
      const left = stored.filter((row) => !doomed.includes(row));
      expect(await store.countRequests(filter())).toBe(left.length);
      const byText = await store.listRequests({
        filter: filter({ q: 'question' }),
        sort: 'time',
        order: 'desc',
        limit: 500,
      });
      expect(byText.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(
        left.map((row) => row.id).sort((a, b) => a - b),
      );
      expect(await store.deleteRequests(f)).toBe(0);
      expect(await store.deleteRequests(filter({ q: 'quokka' }))).toBe(
        left.filter((row) => matches(row.request, filter({ q: 'quokka' }))).length,
      );
      expect(await store.deleteRequests(filter())).toBe(
        left.filter((row) => !matches(row.request, filter({ q: 'quokka' }))).length,
      );
      expect(await store.countRequests(filter())).toBe(0);
      expect(await store.facets()).toEqual({
        models: [],
        providers: [],
        statuses: [],
        tags: [],
        promptNames: [],
        metadataKeys: [],
        scoreNames: [],
      });
    });
  });
}
