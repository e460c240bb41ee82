import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  type TestApp,
} from '../../testing/test-app.ts';
import {
  failedCompletionRequest,
  toolCallRequest,
  toolResultTurnRequest,
} from '../../testing/wire-samples.ts';

forEachStore((kind) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    ids.tool = await logRequest(t.app, toolCallRequest());
    ids.turn2 = await logRequest(t.app, toolResultTurnRequest());
    ids.error = await logRequest(t.app, failedCompletionRequest());
    ids.json = await logRequest(
      t.app,
      logBody({
        model: 'gpt-4o-mini',
        output: { type: 'chat', messages: [{ role: 'assistant', content: '{"answer": 42}' }] },
        input_tokens: 500,
        price: 0.5,
        tags: ['batch'],
        metadata: { env: 'staging' },
        request_start_time: '2025-04-08T00:00:00Z',
        request_end_time: '2025-04-08T00:00:02Z',
      }),
    );
  });
  afterAll(() => t.close());

  type Item = {
    id: number;
    engine: string;
    latency: number;
    tags_array: string[];
    metadata: Record<string, string>[];
    scores: { name: string; score: number }[];
  };
  interface Page {
    success: boolean;
    items: Item[];
    page: number;
    pages: number;
    per_page: number;
    total: number;
    has_next: boolean;
    has_prev: boolean;
    next_num: number | null;
    prev_num: number | null;
  }

  const search = (payload: Record<string, unknown>, headers: Record<string, string> = KEY_HEADER) =>
    t.app.inject({ method: 'POST', url: '/api/public/v2/requests/search', headers, payload });

  async function found(payload: Record<string, unknown>): Promise<number[]> {
    const response = await search(payload);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Page).items.map((item) => item.id).sort((a, b) => a - b);
  }

  const one = (field: string, operator: string, value?: unknown, nested_key?: string) => ({
    filter_group: { logic: 'AND', filters: [{ field, operator, value, nested_key }] },
  });

  describe('POST /api/public/v2/requests/search', () => {
    it('returns the §6 page shape, newest first by default', async () => {
      const response = await search({});
      expect(response.statusCode).toBe(200);
      const page = response.json() as Page;
      expect(page).toMatchObject({
        success: true,
        page: 1,
        pages: 1,
        per_page: 10,
        total: 4,
        has_next: false,
        has_prev: false,
        next_num: null,
        prev_num: null,
      });
      expect(page.items[0]?.id).toBe(ids.json);
      const tool = page.items.find((item) => item.id === ids.tool);
      expect(tool).toMatchObject({
        engine: 'gpt-4o',
        provider_type: 'openai',
        input_tokens: 64,
        output_tokens: 21,
        price: 0.000275,
        latency: 0.876,
        tags_array: ['production', 'support-bot'],
        scores: [{ name: 'default', score: 75 }],
        prompt_name: 'order-status',
      });
      expect(tool?.metadata).toEqual(expect.arrayContaining([{ customer_id: 'c_881' }, { channel: 'web' }]));
    });

    it('pages with page/per_page', async () => {
      const first = (
        await search({ per_page: 3, sort_by: 'request_start_time', sort_order: 'asc' })
      ).json() as Page;
      expect(first).toMatchObject({
        page: 1,
        pages: 2,
        per_page: 3,
        total: 4,
        has_next: true,
        next_num: 2,
        has_prev: false,
      });
      const second = (
        await search({ per_page: 3, page: 2, sort_by: 'request_start_time', sort_order: 'asc' })
      ).json() as Page;
      expect(second).toMatchObject({ page: 2, has_next: false, has_prev: true, prev_num: 1 });
      expect(second.items).toHaveLength(1);
      const all = [...first.items, ...second.items].map((item) => item.id);
      expect(new Set(all).size).toBe(4);
    });

    it('filters by each field family', async () => {
      expect(await found(one('engine', 'is', 'gpt-4o-mini'))).toEqual([ids.json]);
      expect(await found(one('provider_type', 'in', ['anthropic']))).toEqual([ids.turn2]);
      expect(await found(one('status', 'is_not', 'SUCCESS'))).toEqual([ids.error]);
      expect(await found(one('output_text', 'contains', 'DHL'))).toEqual([ids.turn2]);
      expect(await found(one('input_text', 'contains', 'haiku'))).toEqual([ids.error]);
      expect(await found(one('input_tokens', 'gte', 500))).toEqual([ids.json]);
      expect(await found(one('cost', 'between', [0.1, 1]))).toEqual([ids.json]);
      expect(await found(one('cost', 'gt', 2 ** 53 - 1))).toEqual([]);
      expect(await found(one('input_tokens', 'gt', 499.5))).toEqual([ids.json]);
      expect(await found(one('request_start_time', 'is', '2025-04-08'))).toEqual([ids.json]);
      expect(await found(one('request_start_time', 'before', Date.UTC(2025, 3, 7, 9, 0, 1) / 1000))).toEqual([
        ids.tool,
        ids.error,
      ]);
      expect(await found(one('latency_ms', 'gte', 2000))).toEqual([ids.error, ids.json]);
      expect(await found(one('request_start_time', 'after', '2025-04-07T12:00:00Z'))).toEqual([ids.json]);
      expect(await found(one('tags', 'contains', 'batch'))).toEqual([ids.json]);
      expect(await found(one('tool_names', 'contains', 'lookup_order'))).toEqual([ids.tool]);
      expect(await found(one('metadata', 'key_equals', 'staging', 'env'))).toEqual([ids.json]);
      expect(await found(one('metadata_keys', 'contains', 'customer_id'))).toEqual([ids.tool]);
      expect(await found(one('is_tool_call', 'is_true'))).toEqual([ids.tool]);
      expect(await found(one('is_json', 'is_true'))).toEqual([ids.json]);
    });

    it('combines nested AND/OR groups and free text q', async () => {
      const tree = {
        filter_group: {
          logic: 'OR',
          filters: [
            { field: 'engine', operator: 'is', value: 'gpt-4o-mini' },
            {
              logic: 'AND',
              filters: [
                { field: 'provider_type', operator: 'is', value: 'openai' },
                { field: 'status', operator: 'is', value: 'ERROR' },
              ],
            },
          ],
        },
      };
      expect(await found(tree)).toEqual([ids.error as number, ids.json as number].sort((a, b) => a - b));
      expect(await found({ q: 'arrives tomorrow' })).toEqual([ids.turn2]);
    });

    it.each([
      ['an unknown field', one('colour', 'is', 'red'), 'filter_group.filters.0.field', 'colour'],
      [
        'an inherited property name',
        one('constructor', 'is', 'x'),
        'filter_group.filters.0.field',
        'constructor',
      ],
      ['__proto__ as a field', one('__proto__', 'is', 'x'), 'filter_group.filters.0.field', '__proto__'],
      [
        'an unknown operator',
        one('engine', 'contains', 'gpt'),
        'filter_group.filters.0.operator',
        'contains',
      ],
      [
        'a numeric filter with a string',
        one('cost', 'gt', 'cheap'),
        'filter_group.filters.0.value',
        'number',
      ],
      [
        'between without two bounds',
        one('latency_ms', 'between', [1]),
        'filter_group.filters.0.value',
        'min, max',
      ],
      ['in with a non-array', one('tags', 'in', 'a'), 'filter_group.filters.0.value', 'array'],
      [
        'metadata without nested_key',
        one('metadata', 'key_equals', 'x'),
        'filter_group.filters.0.nested_key',
        'required',
      ],
      ['a bad date', one('request_start_time', 'before', 'soon'), 'filter_group.filters.0.value', 'date'],
    ])('answers 400 naming %s', async (_label, payload, path, mention) => {
      const response = await search(payload);
      expect(response.statusCode).toBe(400);
      const body = errorOf(response);
      expect(body.message.startsWith(`${path}:`)).toBe(true);
      expect(body.message).toContain(mention);
    });

    it('answers 400 naming an unknown operator inside a nested group', async () => {
      const response = await search({
        filter_group: {
          logic: 'AND',
          filters: [{ logic: 'OR', filters: [{ field: 'tags', operator: 'equals', value: 'x' }] }],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message).toContain('filter_group.filters.0.filters.0.operator');
    });

    it.each([
      ['a bad sort_by', { sort_by: 'colour' }, 'sort_by'],
      ['page 0', { page: 0 }, 'page'],
      ['per_page as a string', { per_page: '10' }, 'per_page'],
      ['logic XOR', { filter_group: { logic: 'XOR', filters: [] } }, 'filter_group'],
      [
        'a filter without an operator',
        { filter_group: { filters: [{ field: 'engine' }] } },
        'filter_group.filters.0.operator',
      ],
      ['a filter that is not an object', { filter_group: { filters: [3] } }, 'filter_group.filters.0'],
    ])('answers 400 for %s', async (_label, payload, field) => {
      const response = await search(payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message.startsWith(field)).toBe(true);
    });

    it('answers 401 without a key', async () => {
      expect((await search({}, {})).statusCode).toBe(401);
    });
  });

  describe('GET /api/public/v2/requests/suggestions', () => {
    const suggest = (query: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/public/v2/requests/suggestions?${query}`,
        headers: KEY_HEADER,
      });

    it('suggests values of a field by prefix, with counts', async () => {
      const response = await suggest('field=engine&prefix=gpt-4o');
      expect(response.statusCode).toBe(200);
      const body = response.json() as { success: boolean; suggestions: { value: string; count: number }[] };
      expect(body.success).toBe(true);
      expect(body.suggestions.map((s) => s.value).sort()).toEqual(['gpt-4o', 'gpt-4o-mini']);
      const tags = (await suggest('field=tags&prefix=PROD')).json() as typeof body;
      expect(tags.suggestions).toEqual([{ value: 'production', count: 1 }]);
      const values = (await suggest('field=metadata&nested_key=env&prefix=st')).json() as typeof body;
      expect(values.suggestions).toEqual([{ value: 'staging', count: 1 }]);
    });

    it('answers 400 naming an unknown or missing field', async () => {
      const unknown = await suggest('field=colour');
      expect(unknown.statusCode).toBe(400);
      expect(errorOf(unknown).message.startsWith('field:')).toBe(true);
      expect((await suggest('prefix=a')).statusCode).toBe(400);
      expect((await suggest('field=engine&limit=0')).statusCode).toBe(400);
    });
  });
});
