/**
 * q in every language through the HTTP routes, on both stores: the dashboard's list, count,
 * export and delete by filter, and PromptLayer's search API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListResponse } from '../../../contract/api.ts';
import { logBody } from '../../testing/factories.ts';
import { createTestApp, forEachStore, KEY_HEADER, logRequest, type TestApp } from '../../testing/test-app.ts';

/** [user text, assistant text, the query that must find it (and nothing else)]. */
const SAMPLES: [string, string, string][] = [
  ['请告诉我北京明天的天气预报', '北京明天晴', '天气预报'],
  ['東京の天気を教えてください', 'プロンプトの例', 'ロンプト'],
  ['서울의 날씨는 어떻습니까?', '맑습니다', '날씨는'],
  ['สวัสดีครับ วันนี้อากาศดีมาก', 'ใช่ครับ', 'อากาศ'],
  ['ما هو الطقس في القاهرة اليوم؟', 'مشمس', 'الطقس'],
  ['party time 🎉🎊🎈 tonight', 'fun', '🎉🎊🎈'],
  ['call get_weather_v2 now', '{"ok": true}', 'eather_v'],
  ['session 9c28f3a1-77aa', 'done', '8F3A'],
];

forEachStore((kind) => {
  let t: TestApp;
  const ids: number[] = [];
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    for (const [i, [question, answer]] of SAMPLES.entries()) {
      ids.push(
        await logRequest(
          t.app,
          logBody({
            request_start_time: Date.UTC(2025, 2, 1, 0, i) / 1000,
            request_end_time: Date.UTC(2025, 2, 1, 0, i, 1) / 1000,
            input: { type: 'chat', messages: [{ role: 'user', content: question }] },
            output: { type: 'chat', messages: [{ role: 'assistant', content: answer }] },
          }),
        ),
      );
    }
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: KEY_HEADER });
  const qs = (q: string) => `q=${encodeURIComponent(q)}`;

  describe('q in every language', () => {
    it('lists, counts and marks the match for every script', async () => {
      for (const [i, [, , q]] of SAMPLES.entries()) {
        const list = await get(`/api/requests?${qs(q)}`);
        expect(list.statusCode, list.body).toBe(200);
        const rows = (list.json() as ListResponse).rows;
        expect(
          rows.map((row) => row.id),
          q,
        ).toEqual([ids[i]]);
        const match = rows[0]?.inputMatch ?? rows[0]?.outputMatch;
        expect(match?.text.slice(match.start, match.start + match.length).toLowerCase(), q).toBe(
          q.split(' ')[0]?.toLowerCase(),
        );
        const count = await get(`/api/requests/count?${qs(q)}`);
        expect(count.json(), q).toEqual({ total: 1 });
      }
    });

    it('PromptLayer search finds them by q', async () => {
      for (const [i, [, , q]] of SAMPLES.entries()) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/public/v2/requests/search',
          headers: KEY_HEADER,
          payload: { q },
        });
        expect(response.statusCode, response.body).toBe(200);
        expect(
          (response.json() as { items: { id: number }[] }).items.map((item) => item.id),
          q,
        ).toEqual([ids[i]]);
      }
    });

    it('exports and deletes by q', async () => {
      const started = await t.app.inject({
        method: 'POST',
        url: '/api/exports',
        headers: KEY_HEADER,
        payload: { format: 'jsonl', query: qs('อากาศ') },
      });
      expect(started.statusCode, started.body).toBe(200);
      const exported = await t.app.inject({ method: 'GET', url: (started.json() as { url: string }).url });
      const lines = exported.body.trim().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { id: number }).id)).toEqual([ids[3]]);

      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/requests?${qs('الطقس')}`,
        headers: KEY_HEADER,
      });
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect((await get(`/api/requests/count?${qs('الطقس')}`)).json()).toEqual({ total: 0 });
      expect((await get('/api/requests/count')).json()).toEqual({ total: SAMPLES.length - 1 });
    });

    it('short and symbol-only queries answer, never fail', async () => {
      for (const q of ['_', '%', 'a', '🎉', '"', '*', '天']) {
        const response = await get(`/api/requests?${qs(q)}`);
        expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
      }
    });
  });
});
