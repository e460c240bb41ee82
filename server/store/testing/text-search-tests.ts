/**
 * q in every language: substrings of 3+ characters in any script (Chinese, Japanese, Korean,
 * Thai, Arabic, emoji, snake_case identifiers, hex ids) through the list, count, export, delete
 * by filter and PromptLayer's search, checked against the model in dataset.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../../../contract/api.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import type { Store } from '../store.ts';
import { type ContractContext, filter } from './context.ts';
import { BASE_MS, expectedOrder, matchesQ, type Stored } from './dataset.ts';

/** [input text, output text]: each script twice or more, with near misses. */
const TEXTS: [string, string][] = [
  ['请告诉我北京明天的天气预报', '北京明天晴，最高气温二十度。'],
  ['上海的天气怎么样', '上海今天有雨。'],
  ['東京の天気を教えてください', '東京は晴れです。プロンプトの例'],
  ['大阪の天気', 'プロンプトエンジニアリング'],
  ['서울의 날씨는 어떻습니까?', '서울은 맑습니다.'],
  ['부산 날씨', '비가 옵니다.'],
  ['สวัสดีครับ วันนี้อากาศดีมาก', 'ใช่ครับ อากาศดี'],
  ['กรุงเทพฯ ร้อนมาก', 'ครับ'],
  ['ما هو الطقس في القاهرة اليوم؟', 'الطقس مشمس.'],
  ['مرحبا بالعالم', 'أهلا'],
  ['party time 🎉🎊🎈 tonight', 'have fun 🎈'],
  ['just 🎉 one', '🎊🎉 reversed'],
  ['calling get_weather_v2 with city=Paris', '{"tool": "get_weather_v2", "ok": true}'],
  ['What is the WEATHER like?', 'Sunny.'],
  ['the weat her is split', 'no match here'],
  ['session 9c28f3a1-77aa-4e0b-bb1d-0f3a8f3b', 'done'],
  ['session 0f3a9c2d-11bb-4c0d-8e8e-9a9a9a9a', 'done 100%_literal'],
];

const QUERIES = [
  '天气预报',
  '北京明',
  '上海',
  '天気を',
  'ロンプト',
  '날씨는',
  '서울',
  'อากาศ',
  'الطقس',
  'بالعالم',
  '🎉🎊🎈',
  'weather',
  'eather',
  'get_weather',
  '_v2',
  '8f3a',
  '0F3A',
  '%_l',
  'weather paris',
  'sunny 🎈',
  'xyzzy',
];

async function walk(store: Store, query: Omit<ListQuery, 'cursor'>): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listRequests({ ...query, ...(cursor ? { cursor } : {}) });
    ids.push(...page.rows.map((row) => row.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

async function seedTexts(store: Store): Promise<Stored[]> {
  const requests = TEXTS.map(([inputText, outputText], i) =>
    makeNewRequest({ startMs: BASE_MS + (i % 5) * 1000, inputText, outputText, price: (i % 3) * 0.001 }),
  );
  const ids = [
    ...(await store.insertRequests(requests.slice(0, 8))),
    ...(await Promise.all(requests.slice(8).map((request) => store.insertRequest(request)))),
  ];
  return requests.map((request, i) => ({ id: ids[i] as number, request }));
}

export function defineTextSearchTests(ctx: ContractContext): void {
  describe('q in every language', () => {
    it('finds substrings of 3+ characters in any script, and short terms as word prefixes', async () => {
      const store = ctx.store();
      const stored = await seedTexts(store);
      for (const q of QUERIES) {
        const expected = stored.filter((row) => matchesQ(row.request, q));
        if (q !== 'xyzzy') expect(expected.length, q).toBeGreaterThan(0);
        expect(expected.length, q).toBeLessThan(stored.length);
        const f = filter({ q });
        expect(await walk(store, { filter: f, sort: 'time', order: 'desc', limit: 2 }), q).toEqual(
          expectedOrder(expected, 'time', 'desc'),
        );
        expect(await walk(store, { filter: f, sort: 'cost', order: 'asc', limit: 3 }), q).toEqual(
          expectedOrder(expected, 'cost', 'asc'),
        );
        expect(await store.countRequests(f), q).toBe(expected.length);
        const found = await store.search({
          filterGroup: null,
          q,
          sortBy: 'request_start_time',
          sortOrder: 'desc',
          page: 1,
          perPage: 100,
        });
        expect(
          found.rows.map((row) => row.id),
          q,
        ).toEqual(expectedOrder(expected, 'time', 'desc'));
        expect(found.total, q).toBe(expected.length);
      }
    });

    it('marks where q matched in each listed row', async () => {
      const store = ctx.store();
      await seedTexts(store);
      for (const q of ['8F3A', 'ロンプト', 'weather']) {
        const page = await store.listRequests({
          filter: filter({ q }),
          sort: 'time',
          order: 'desc',
          limit: 50,
        });
        expect(page.rows.length, q).toBeGreaterThan(0);
        for (const row of page.rows) {
          const marks = [row.inputMatch, row.outputMatch].filter((m) => m !== undefined);
          expect(marks.length, q).toBeGreaterThan(0);
          for (const m of marks)
            expect(m.text.slice(m.start, m.start + m.length).toLowerCase(), q).toBe(q.toLowerCase());
        }
      }
      const plain = await store.listRequests({ filter: filter(), sort: 'time', order: 'desc', limit: 5 });
      expect(plain.rows.every((row) => row.inputMatch === undefined && row.outputMatch === undefined)).toBe(
        true,
      );
    });

    it('the model agrees with the examples the feature is for', () => {
      const has = (q: string, text: string) => matchesQ({ inputText: text, outputText: '' }, q);
      expect(has('weather', 'get_weather_v2')).toBe(true);
      expect(has('8f3a', 'id 9c28f3a1')).toBe(true);
      expect(has('天气', '今天天气很好')).toBe(false); // two characters: a word prefix only
      expect(has('天气很', '今天天气很好')).toBe(true);
    });

    it('exports and deletes exactly what q matches', async () => {
      const store = ctx.store();
      const stored = await seedTexts(store);
      for (const q of ['天気', 'อากาศ', '8f3a']) {
        const seen: number[] = [];
        for await (const detail of store.exportRequests(filter({ q }), { sort: 'time', order: 'asc' }))
          seen.push(detail.id);
        expect(seen, q).toEqual(
          expectedOrder(
            stored.filter((row) => matchesQ(row.request, q)),
            'time',
            'asc',
          ),
        );
      }
      const doomed = stored.filter((row) => matchesQ(row.request, 'الطقس'));
      expect(await store.deleteRequests(filter({ q: 'الطقس' }))).toBe(doomed.length);
      expect(await store.countRequests(filter({ q: 'الطقس' }))).toBe(0);
      expect(await store.countRequests(filter())).toBe(stored.length - doomed.length);
      // The indexes forgot the deleted rows and still find the others.
      expect(await store.countRequests(filter({ q: 'بالعالم' }))).toBe(1);
    });
  });
}
