/**
 * Hostile but well-formed input on every filter-taking route: each answer is a 4xx naming the
 * parameter and its limit, never a 5xx (issue #8, items 1 and 3).
 */
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

const repeat = (name: string, n: number, value = (i: number) => `v${i}`) =>
  Array.from({ length: n }, (_, i) => `${encodeURIComponent(name)}=${encodeURIComponent(value(i))}`).join(
    '&',
  );

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    await logRequest(
      t.app,
      logBody({
        input: {
          type: 'chat',
          messages: [{ role: 'user', content: 'weather for user_123 via get_weather' }],
        },
        metadata: { user_id: 'user_123' },
      }),
    );
    await logRequest(t.app, logBody());
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: KEY_HEADER });

  describe('full text with an underscore (user_123, get_weather)', () => {
    for (const q of ['user_123', 'get_weather', 'user_', '_', 'a_b_c d_e', '__init__']) {
      it(`q=${q} is answered on list, count, probe, export and delete`, async () => {
        const query = `q=${encodeURIComponent(q)}`;
        for (const url of [
          `/api/requests?${query}`,
          `/api/requests/count?${query}`,
          `/api/requests/probe?after=0&${query}`,
        ]) {
          const response = await get(url);
          expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
        }
        const exported = await t.app.inject({
          method: 'POST',
          url: '/api/exports',
          headers: KEY_HEADER,
          payload: { format: 'jsonl', query },
        });
        expect(exported.statusCode).toBe(200);
        const download = await t.app.inject({ method: 'GET', url: (exported.json() as { url: string }).url });
        expect(download.statusCode).toBe(200);
        const deleted = await t.app.inject({
          method: 'DELETE',
          url: `/api/requests?${query}&tag=none-such`,
          headers: KEY_HEADER,
        });
        expect(deleted.statusCode, deleted.body).toBe(200);
      });
    }

    it('finds the request by a word with an underscore', async () => {
      const response = await get('/api/requests/count?q=user_123');
      expect(response.json()).toEqual({ total: 1 });
      expect((await get('/api/requests/count?q=get_weath')).json()).toEqual({ total: 1 });
    });
  });

  describe('caps name the parameter and the limit', () => {
    const cases: [string, string, string][] = [
      [
        '1,000 meta. filters',
        repeat('meta.k', 1, () => 'x') +
          '&' +
          Array.from({ length: 1000 }, (_, i) => `meta.k${i}=v`).join('&'),
        'meta.',
      ],
      ['1,000 score. filters', Array.from({ length: 1000 }, (_, i) => `score.s${i}=1..`).join('&'), 'score.'],
      ['600 tag=', repeat('tag', 600), 'tag'],
      ['600 model=', repeat('model', 600), 'model'],
      ['600 values of one meta key', repeat('meta.user', 600), 'meta.user'],
      ['a 60,000-character q', `q=${'a'.repeat(60_000)}`, 'q'],
      ['a q of 100 words', `q=${Array.from({ length: 100 }, (_, i) => `w${i}`).join('+')}`, 'q'],
      ['a 5,000-character tag', `tag=${'t'.repeat(5000)}`, 'tag'],
      ['a 5,000-character metadata value', `meta.k=${'v'.repeat(5000)}`, 'meta.k'],
    ];
    for (const [name, query, param] of cases) {
      it(`${name} → 400 naming ${param}`, async () => {
        for (const url of [
          `/api/requests?${query}`,
          `/api/requests/count?${query}`,
          `/api/requests/probe?${query}`,
        ]) {
          const response = await get(url);
          expect(response.statusCode, `${url.slice(0, 60)}: ${response.body.slice(0, 300)}`).toBe(400);
          const body = errorOf(response);
          expect(body.message.startsWith(param), body.message).toBe(true);
          expect(body.message).toMatch(/at most|longer than|\d/);
        }
        const deleted = await t.app.inject({
          method: 'DELETE',
          url: `/api/requests?${query}`,
          headers: KEY_HEADER,
        });
        expect(deleted.statusCode).toBe(400);
      });
    }
  });

  it('a path segment over 8 KB is a JSON 414, not a 500', async () => {
    const response = await get(`/api/requests/${'9'.repeat(9000)}`);
    expect(response.statusCode).toBe(414);
    expect(errorOf(response).error).toBe('uri_too_long');
  });

  it('2026-02-30 is an error in ingest, dashboard filters and search alike', async () => {
    const logged = await t.app.inject({
      method: 'POST',
      url: '/log-request',
      headers: KEY_HEADER,
      payload: logBody({
        request_start_time: '2026-02-30T10:00:00Z',
        request_end_time: '2026-02-30T10:00:01Z',
      }),
    });
    expect(logged.statusCode).toBe(422);
    expect(errorOf(logged).message.startsWith('request_start_time')).toBe(true);
    const listed = await get('/api/requests?from=2026-02-30');
    expect(listed.statusCode).toBe(400);
    expect(errorOf(listed).message.startsWith('from')).toBe(true);
    const searched = await t.app.inject({
      method: 'POST',
      url: '/api/public/v2/requests/search',
      headers: KEY_HEADER,
      payload: {
        filter_group: { filters: [{ field: 'request_start_time', operator: 'before', value: '2026-02-30' }] },
      },
    });
    expect(searched.statusCode).toBe(400);
    expect(errorOf(searched).message.startsWith('filter_group.filters.0.value')).toBe(true);
  });
});
