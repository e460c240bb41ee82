/**
 * Delete-by-filter and the change counter (issue #8, items 7, 8 and 11): a filter that matches
 * everything needs all=true, a parameter given twice is refused, a large delete runs in batches
 * that let other requests through, and the change counter moves only when rows change.
 */
import { setImmediate } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import {
  countAll,
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  type TestApp,
} from '../../testing/test-app.ts';

forEachStore((kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({}, kind);
    await t.store.insertRequests([
      makeNewRequest({ status: 'SUCCESS', tags: ['a'] }),
      makeNewRequest({ status: 'ERROR', tags: ['b'] }),
      makeNewRequest({ status: 'WARNING' }),
    ]);
  });
  afterEach(() => t.close());

  const call = (method: 'GET' | 'DELETE', url: string) => t.app.inject({ method, url, headers: KEY_HEADER });
  const changeSeq = async () => (await call('GET', '/api/requests/probe')).json().changeSeq as number;

  it('a filter that matches every request needs all=true', async () => {
    for (const filter of [
      'from=0',
      'status=SUCCESS&status=WARNING&status=ERROR',
      'to=9999-12-31T00:00:00Z',
    ]) {
      const refused = await call('DELETE', `/api/requests?${filter}`);
      expect(refused.statusCode, filter).toBe(400);
      expect(errorOf(refused).error).toBe('matches_everything');
      expect(errorOf(refused).message.startsWith('all:')).toBe(true);
    }
    expect(await countAll(t.store)).toBe(3);
    const partial = await call('DELETE', '/api/requests?status=ERROR');
    expect(partial.json()).toEqual({ deleted: 1 });
    const all = await call('DELETE', '/api/requests?from=0&all=true');
    expect(all.json()).toEqual({ deleted: 2 });
  });

  it('a parameter that takes one value is refused when given twice', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/api/requests?all=true&all=false', 'all'],
      ['DELETE', '/api/requests?tag=a&all=yes', 'all'],
      ['GET', '/api/requests?sort=cost&sort=time', 'sort'],
      ['GET', '/api/requests?limit=5&limit=500', 'limit'],
      ['GET', '/api/requests/count?q=a&q=b', 'q'],
      ['GET', '/api/requests/count?from=0&from=1', 'from'],
      ['GET', '/api/requests/probe?after=1&after=2', 'after'],
    ];
    for (const [method, url, param] of cases) {
      const response = await call(method as 'GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(errorOf(response).message.startsWith(`${param}:`), errorOf(response).message).toBe(true);
    }
    expect(await countAll(t.store)).toBe(3);
  });

  it('the change counter moves only when rows change', async () => {
    const start = await changeSeq();
    await call('DELETE', '/api/requests?tag=none-such');
    await t.app.inject({ method: 'DELETE', url: '/api/requests/1/tags/none-such', headers: KEY_HEADER });
    await t.app.inject({ method: 'DELETE', url: '/api/requests/1/metadata/none-such', headers: KEY_HEADER });
    await t.app.inject({ method: 'DELETE', url: '/api/requests/1/scores/none-such', headers: KEY_HEADER });
    expect(await changeSeq()).toBe(start);
    await t.app.inject({ method: 'PUT', url: '/api/requests/1/tags/new', headers: KEY_HEADER });
    expect(await changeSeq()).toBeGreaterThan(start);
  });

  it('a large delete lets other requests through while it runs', async () => {
    await t.store.insertRequests(Array.from({ length: 3000 }, () => makeNewRequest({ tags: ['bulk'] })));
    let deleteDone = false;
    const deleting = call('DELETE', '/api/requests?tag=bulk').then((response) => {
      deleteDone = true;
      return response;
    });
    // Health is answered between the delete's batches, before the delete has finished.
    let healthBeforeDone = false;
    while (!deleteDone) {
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      if (!deleteDone) healthBeforeDone = true;
      await setImmediate();
    }
    expect((await deleting).json()).toEqual({ deleted: 3000 });
    expect(healthBeforeDone).toBe(true);
    expect(await countAll(t.store)).toBe(3);
  });
});
