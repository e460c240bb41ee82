import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListResponse } from '../../../contract/api.ts';
import { SAME_ORIGIN, signedIn } from '../../testing/auth-fixtures.ts';
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
  let ids: number[];
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    ids = [];
    for (let i = 0; i < 4; i++) ids.push(await logRequest(t.app, logBody()));
    const ann = { cookie: (await signedIn(t.store, 'annotator', 'Ann Lee')).cookie, ...SAME_ORIGIN };
    const put = (id: number, payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/requests/${id}/scores/helpfulness`, headers: ann, payload });
    expect((await put(ids[0] as number, { value: 80, comment: 'good' })).statusCode).toBe(200);
    expect((await put(ids[1] as number, { value: 20 })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/requests?${query}`,
      headers: KEY_HEADER,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as ListResponse).rows.map((row) => row.id).sort((a, b) => a - b);
  };
  const count = async (query: string) =>
    (
      (
        await t.app.inject({ method: 'GET', url: `/api/requests/count?${query}`, headers: KEY_HEADER })
      ).json() as {
        total: number;
      }
    ).total;

  describe('review filters on the dashboard list', () => {
    it('scored by a person (as the dashboard recorded them), has no score X, has a comment', async () => {
      expect(await list('scored_by=Ann%20Lee')).toEqual([ids[0], ids[1]]);
      expect(await count('scored_by=Ann%20Lee')).toBe(2);
      expect(await list('noscore=helpfulness')).toEqual([ids[2], ids[3]]);
      expect(await list('commented=true')).toEqual([ids[0]]);
      expect(await count('commented=true&noscore=helpfulness')).toBe(0);
    });

    it('refuses a malformed review filter naming the parameter', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/requests?commented=1',
        headers: KEY_HEADER,
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message).toMatch(/^commented/);
    });
  });
});
