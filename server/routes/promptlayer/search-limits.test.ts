/**
 * PromptLayer search and ingest under hostile but well-formed input: every request is a 4xx
 * naming the field and the limit, never a 5xx or a stack overflow (issue #8, items 1, 3 and 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_LIMITS, SEARCH_LIMITS } from '../../../contract/limits.ts';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  type TestApp,
} from '../../testing/test-app.ts';

const contains = (i: number) => ({ field: 'input_text', operator: 'contains', value: `needle ${i}` });

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    await logRequest(
      t.app,
      logBody({
        input: { type: 'chat', messages: [{ role: 'user', content: 'call get_weather for user_123' }] },
      }),
    );
  });
  afterAll(() => t.close());

  const search = (body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/v2/requests/search',
      headers: KEY_HEADER,
      payload: body as object,
    });

  const refused = async (body: unknown, path: string, limit: string | number) => {
    const response = await search(body);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
    const { message } = errorOf(response);
    expect(message.startsWith(path), message).toBe(true);
    expect(message).toContain(String(limit));
  };

  describe('search', () => {
    it('q with an underscore finds the request', async () => {
      for (const q of ['user_123', 'get_weather', 'get_weath', '_']) {
        const response = await search({ q });
        expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
      }
      expect((await search({ q: 'user_123' })).json().total).toBe(1);
    });

    it('an OR of 100 text filters is refused at the text-filter limit', async () => {
      const filters = Array.from({ length: 100 }, (_, i) => contains(i));
      await refused(
        { filter_group: { logic: 'OR', filters } },
        'filter_group.filters.10',
        SEARCH_LIMITS.textFilters,
      );
    });

    it('more filters than the limit are refused', async () => {
      const filters = Array.from({ length: 1000 }, (_, i) => ({
        field: 'metadata',
        operator: 'key_equals',
        nested_key: `k${i}`,
        value: 'v',
      }));
      await refused(
        { filter_group: { logic: 'AND', filters } },
        'filter_group.filters',
        SEARCH_LIMITS.filters,
      );
    });

    it('a 60,000-character contains pattern is refused', async () => {
      const filters = [{ field: 'output_text', operator: 'contains', value: 'x'.repeat(60_000) }];
      await refused(
        { filter_group: { filters } },
        'filter_group.filters.0.value',
        SEARCH_LIMITS.patternLength,
      );
    });

    it('50,000 in values are refused', async () => {
      const value = Array.from({ length: 50_000 }, (_, i) => `m${i}`);
      const filters = [{ field: 'engine', operator: 'in', value }];
      await refused({ filter_group: { filters } }, 'filter_group.filters.0.value', SEARCH_LIMITS.listValues);
    });

    it('in values add up across the tree', async () => {
      const value = Array.from({ length: 900 }, (_, i) => `m${i}`);
      const filters = [0, 1, 2].map(() => ({ field: 'tags', operator: 'in', value }));
      await refused(
        { filter_group: { filters } },
        'filter_group.filters.2.value',
        SEARCH_LIMITS.totalListValues,
      );
    });

    it('groups nested past the limit are refused', async () => {
      let group: object = { filters: [contains(0)] };
      for (let i = 0; i < 20; i++) group = { logic: 'AND', filters: [group] };
      await refused({ filter_group: group }, 'filter_group.filters.0', SEARCH_LIMITS.depth);
    });

    it('a q of more than 16 words is refused', async () => {
      const q = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
      await refused({ q }, 'q', 16);
    });

    it('the most expensive allowed search answers', async () => {
      const filters = Array.from({ length: SEARCH_LIMITS.textFilters }, (_, i) => ({
        field: i % 2 ? 'output_text' : 'input_text',
        operator: 'contains',
        value: `${'z'.repeat(SEARCH_LIMITS.patternLength - 3)}${i}`,
      }));
      const response = await search({ filter_group: { logic: 'OR', filters }, q: 'get_weather' });
      expect(response.statusCode, response.body).toBe(200);
    });
  });

  describe('ingest', () => {
    const log = (patch: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/log-request', headers: KEY_HEADER, payload: logBody(patch) });

    it('parameters nested 10,000 deep are a 400 naming parameters', async () => {
      // Built as text: JSON.stringify itself overflows on it.
      const parameters = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
      const body = JSON.stringify(logBody({ parameters: 'PARAMETERS' })).replace('"PARAMETERS"', parameters);
      const response = await t.app.inject({
        method: 'POST',
        url: '/log-request',
        headers: { ...KEY_HEADER, 'content-type': 'application/json' },
        payload: body,
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message).toBe(
        `parameters: nested deeper than ${INGEST_LIMITS.jsonDepth} levels`,
      );
    });

    it('caps tags, metadata keys and messages per request', async () => {
      const tags = Array.from({ length: INGEST_LIMITS.tags + 1 }, (_, i) => `t${i}`);
      const metadata = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 'v']));
      const messages = Array.from({ length: INGEST_LIMITS.messages + 1 }, () => ({
        role: 'user',
        content: 'x',
      }));
      for (const [patch, field] of [
        [{ tags }, 'tags'],
        [{ metadata }, 'metadata'],
        [{ input: { type: 'chat', messages } }, 'input.messages'],
      ] as const) {
        const response = await log(patch);
        expect(response.statusCode).toBe(422);
        expect(errorOf(response).message.startsWith(field), errorOf(response).message).toBe(true);
      }
      const ok = await log({ tags: tags.slice(1), metadata: { a: '1' } });
      expect(ok.statusCode).toBe(201);
    });
  });
});
