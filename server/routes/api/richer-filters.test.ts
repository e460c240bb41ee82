/** The richer filters (issue #13) over HTTP: the URL grammar reaches the store, and refusals are 400s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountResponse, ListResponse } from '../../../contract/api.ts';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  type TestApp,
} from '../../testing/test-app.ts';

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    for (let i = 0; i < 101; i++)
      await logRequest(t.app, logBody({ model: i % 2 ? 'a' : 'b', metadata: { session: `s-${i}` } }));
  });
  afterAll(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: KEY_HEADER });

  describe('richer filters over HTTP', () => {
    it('lists and counts by not.model, meta_contains and a numeric condition', async () => {
      const query = 'not.model=a&meta_contains.session=S-1&latency=gte:0';
      const list = (await get(`/api/requests?${query}&limit=100`)).json() as ListResponse;
      // s-1, s-10 … s-19, s-100, of model b (even i): s-10, s-12 … s-18, s-100.
      expect(list.rows.map((row) => row.metadata.session).sort()).toEqual(
        ['s-10', 's-100', 's-12', 's-14', 's-16', 's-18'].sort(),
      );
      expect(((await get(`/api/requests/count?${query}`)).json() as CountResponse).total).toBe(6);
    });

    it('answers 400 filter_too_broad naming the parameter for a contains over too many values', async () => {
      const response = await get('/api/requests?meta_contains.session=s-');
      expect(response.statusCode).toBe(400);
      const body = errorOf(response);
      expect(body.error).toBe('filter_too_broad');
      expect(body.detail?.[0]?.loc).toEqual(['query', 'meta_contains.session']);
    });

    it('answers 400 naming the parameter for a malformed numeric condition', async () => {
      const response = await get('/api/requests?cost=more:1');
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).detail?.[0]?.loc).toEqual(['query', 'cost']);
    });
  });
});
