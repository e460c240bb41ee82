import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacetsResponse, ListResponse, ProbeResponse, RequestDetail } from '../../../contract/api.ts';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  TEST_KEY,
  type TestApp,
} from '../../testing/test-app.ts';

forEachStore((kind) => {
  let t: TestApp;
  const ids: number[] = [];
  const models = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4-20250514'];
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    for (let i = 0; i < 12; i++) {
      const model = models[i % 3] as string;
      ids.push(
        await logRequest(
          t.app,
          logBody({
            model,
            provider: model.startsWith('claude') ? 'anthropic' : 'openai',
            request_start_time: Date.UTC(2025, 2, 1, 0, i) / 1000,
            request_end_time: Date.UTC(2025, 2, 1, 0, i, 1 + i) / 1000,
            price: i / 100,
            tags: i % 2 === 0 ? ['even'] : ['odd'],
            metadata: { env: i < 6 ? 'prod' : 'dev', user: `u${i}` },
            status: i === 5 ? 'ERROR' : 'SUCCESS',
            error_type: i === 5 ? 'PROVIDER_ERROR' : null,
            prompt_name: i % 4 === 0 ? 'greeter' : null,
            score: i * 8,
            score_name: 'quality',
            input: {
              type: 'chat',
              messages: [{ role: 'user', content: i === 7 ? 'tell me about zebras' : `question ${i}` }],
            },
          }),
        ),
      );
    }
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = KEY_HEADER) =>
    t.app.inject({ method: 'GET', url, headers });
  async function list(query: string): Promise<ListResponse> {
    const response = await get(`/api/requests?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ListResponse;
  }

  describe('GET /api/requests', () => {
    it('lists newest first with previews, tags, metadata and scores', async () => {
      const page = await list('');
      expect(page.rows.map((r) => r.id)).toEqual([...ids].reverse());
      expect(page.nextCursor).toBeNull();
      const row = page.rows.find((r) => r.id === ids[7]);
      expect(row).toMatchObject({
        model: 'gpt-4o-mini',
        tags: ['odd'],
        metadata: { env: 'dev', user: 'u7' },
        scores: { quality: 56 },
      });
      expect(row?.inputPreview).toContain('zebras');
    });

    it('walks every row once through the keyset cursor', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: ListResponse = await list(
          `limit=5&sort=cost&order=asc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);
    });

    it('filters by model, provider, status, tag, prompt, metadata, score, time and q', async () => {
      expect((await list('model=gpt-4o')).rows).toHaveLength(4);
      expect((await list('provider=anthropic')).rows).toHaveLength(4);
      expect((await list('status=ERROR')).rows.map((r) => r.id)).toEqual([ids[5]]);
      expect((await list('tag=even')).rows).toHaveLength(6);
      expect((await list('prompt=greeter')).rows).toHaveLength(3);
      expect((await list('meta.env=prod&model=gpt-4o')).rows.map((r) => r.id)).toEqual([ids[3], ids[0]]);
      expect((await list('score.quality=80..')).rows.map((r) => r.id)).toEqual([ids[11], ids[10]]);
      const from = new Date(Date.UTC(2025, 2, 1, 0, 10)).toISOString();
      expect((await list(`from=${from}`)).rows.map((r) => r.id)).toEqual([ids[11], ids[10]]);
      expect((await list('q=zebras')).rows.map((r) => r.id)).toEqual([ids[7]]);
    });

    it.each([
      ['status=OK', 'status'],
      ['sort=colour', 'sort'],
      ['order=sideways', 'order'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=100000', 'limit'],
      ['score.quality=high', 'score.quality'],
      ['from=yesterday', 'from'],
      ['cursor=not-a-cursor', 'cursor'],
    ])('answers 400 naming the parameter for %s', async (query, param) => {
      const response = await get(`/api/requests?${query}`);
      expect(response.statusCode).toBe(400);
      const body = errorOf(response);
      expect(body.message.startsWith(`${param}:`)).toBe(true);
      expect(body.detail?.[0]?.loc).toEqual(['query', param]);
    });

    it('answers 400 for a NUL character in the URL', async () => {
      const response = await get('/api/requests?tag=a%00b');
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).error).toBe('nul_in_url');
    });

    it('accepts X-API-KEY or Authorization: Bearer, and answers 401 otherwise', async () => {
      expect((await get('/api/requests', { authorization: `Bearer ${TEST_KEY}` })).statusCode).toBe(200);
      const none = await get('/api/requests', {});
      expect(none.statusCode).toBe(401);
      expect(errorOf(none).error).toBe('unauthorized');
      expect((await get('/api/requests', { authorization: 'Bearer wrong' })).statusCode).toBe(401);
      expect((await get('/api/requests', { authorization: `Basic ${TEST_KEY}` })).statusCode).toBe(401);
    });
  });

  describe('count, probe, detail, facets', () => {
    it('counts with the same filters', async () => {
      expect((await get('/api/requests/count')).json()).toEqual({ total: 12 });
      expect((await get('/api/requests/count?tag=odd&meta.env=dev')).json()).toEqual({ total: 3 });
      expect((await get('/api/requests/count?status=nope')).statusCode).toBe(400);
    });

    it('probes for newer requests', async () => {
      const probe = (await get(`/api/requests/probe?after=${ids[9]}`)).json() as ProbeResponse;
      expect(probe.newestId).toBe(ids[11]);
      expect(probe.newCount).toBe(2);
      const filtered = (await get(`/api/requests/probe?after=${ids[9]}&tag=even`)).json() as ProbeResponse;
      expect(filtered.newCount).toBe(1);
      const before = probe.changeSeq;
      await logRequest(t.app, logBody({ tags: ['probe'] }));
      const after = (await get(`/api/requests/probe?after=${ids[11]}`)).json() as ProbeResponse;
      expect(after.newCount).toBe(1);
      expect(after.changeSeq).toBeGreaterThan(before);
      const bad = await get('/api/requests/probe?after=-3');
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).message.startsWith('after:')).toBe(true);
    });

    it('returns the full detail, 404 for an unknown id, 400 for a bad id', async () => {
      const response = await get(`/api/requests/${ids[7]}`);
      expect(response.statusCode).toBe(200);
      const detail = response.json() as RequestDetail;
      expect(detail).toMatchObject({ id: ids[7], model: 'gpt-4o-mini', parameters: {}, toolNames: [] });
      expect(detail.input).toEqual({
        type: 'chat',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'tell me about zebras' }] }],
      });
      const missing = await get('/api/requests/123456789');
      expect(missing.statusCode).toBe(404);
      expect(errorOf(missing).error).toBe('request_not_found');
      for (const bad of ['abc', '0', '-1', '1.5']) {
        const response = await get(`/api/requests/${bad}`);
        expect(response.statusCode).toBe(400);
        expect(errorOf(response).message.startsWith('id:')).toBe(true);
      }
    });

    it('returns facets with counts and metadata values by prefix', async () => {
      const facets = (await get('/api/facets')).json() as FacetsResponse;
      expect(facets.models).toEqual(
        expect.arrayContaining([{ value: 'gpt-4o', provider: 'openai', count: expect.any(Number) }]),
      );
      expect(facets.statuses).toEqual(expect.arrayContaining([{ value: 'ERROR', count: 1 }]));
      expect(facets.metadataKeys.map((f) => f.value).sort()).toEqual(['env', 'user']);
      expect(facets.scoreNames).toEqual([{ value: 'quality', count: expect.any(Number) }]);
      const values = (await get('/api/facets/metadata-values?key=user&prefix=u1&limit=10')).json() as {
        values: { value: string }[];
      };
      expect(values.values.map((v) => v.value).sort()).toEqual(['u1', 'u10', 'u11']);
      const missingKey = await get('/api/facets/metadata-values?prefix=u');
      expect(missingKey.statusCode).toBe(400);
      expect(errorOf(missingKey).message.startsWith('key:')).toBe(true);
      expect((await get('/api/facets/metadata-values?key=user&limit=1000')).statusCode).toBe(400);
      expect((await get('/api/facets', {})).statusCode).toBe(401);
    });
  });
});
