import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logBody } from '../../testing/factories.ts';
import {
  countAll,
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
  });
  afterAll(() => t.close());

  const call = (method: 'POST' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: KEY_HEADER,
      payload: payload as Record<string, unknown> | undefined,
    });

  describe('DELETE /api/requests', () => {
    it('deletes what the filter matches and nothing else', async () => {
      await logRequest(t.app, logBody({ tags: ['temp'] }));
      await logRequest(t.app, logBody({ tags: ['temp'], model: 'gpt-4o-mini' }));
      const keep = await logRequest(t.app, logBody({ tags: ['keep'] }));
      const response = await call('DELETE', '/api/requests?tag=temp');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ deleted: 2 });
      expect(await countAll(t.store)).toBe(1);
      expect(await t.store.getRequest(keep)).not.toBeNull();
    });

    it('refuses an empty filter unless all=true', async () => {
      const before = await countAll(t.store);
      const refused = await call('DELETE', '/api/requests');
      expect(refused.statusCode).toBe(400);
      expect(errorOf(refused).message.startsWith('all:')).toBe(true);
      expect(await countAll(t.store)).toBe(before);
      const all = await call('DELETE', '/api/requests?all=true');
      expect(all.json()).toEqual({ deleted: before });
      expect(await countAll(t.store)).toBe(0);
    });

    it('answers 400 naming a bad filter parameter', async () => {
      const response = await call('DELETE', '/api/requests?status=nope');
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message.startsWith('status:')).toBe(true);
    });
  });

  describe('sample data', () => {
    it('loads sample requests tagged sample through the ingest path and removes only them', async () => {
      const own = await logRequest(t.app, logBody({ tags: ['mine'] }));
      const loaded = await call('POST', '/api/sample-data', { count: 300 });
      expect(loaded.statusCode).toBe(200);
      expect(loaded.json()).toEqual({ inserted: 300 });
      const tagged = await t.app.inject({
        method: 'GET',
        url: '/api/requests/count?tag=sample',
        headers: KEY_HEADER,
      });
      expect(tagged.json()).toEqual({ total: 300 });
      const facets = (
        await t.app.inject({ method: 'GET', url: '/api/facets', headers: KEY_HEADER })
      ).json() as {
        providers: unknown[];
      };
      expect(facets.providers.length).toBeGreaterThan(1);

      const removed = await call('DELETE', '/api/sample-data');
      expect(removed.json()).toEqual({ deleted: 300 });
      expect(await countAll(t.store)).toBe(1);
      expect(await t.store.getRequest(own)).not.toBeNull();
    });

    it("removes exactly the generator's rows: the user's own `sample`-tagged and filtered-out requests stay", async () => {
      const mine = await logRequest(t.app, logBody({ tags: ['sample'] }));
      expect((await call('POST', '/api/sample-data', { count: 50 })).json()).toEqual({ inserted: 50 });
      const status = await t.app.inject({ method: 'GET', url: '/api/sample-data', headers: KEY_HEADER });
      expect(status.json()).toEqual({ count: 50 });
      const before = await countAll(t.store);
      const removed = await call('DELETE', '/api/sample-data');
      expect(removed.json()).toEqual({ deleted: 50 });
      expect(await countAll(t.store)).toBe(before - 50);
      expect(await t.store.getRequest(mine)).not.toBeNull();
      const after = await t.app.inject({ method: 'GET', url: '/api/sample-data', headers: KEY_HEADER });
      expect(after.json()).toEqual({ count: 0 });
    });

    it.each([
      [{ count: 0 }, 'count'],
      [{ count: 50_001 }, 'count'],
      [{ count: 'many' }, 'count'],
      [{ count: 1.5 }, 'count'],
    ])('refuses %j with a 400 and writes nothing', async (payload, field) => {
      const before = await countAll(t.store);
      const response = await call('POST', '/api/sample-data', payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message.startsWith(`${field}:`)).toBe(true);
      expect(await countAll(t.store)).toBe(before);
    });
  });
});
