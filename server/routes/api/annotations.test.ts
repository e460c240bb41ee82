import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationsResponse } from '../../../contract/api.ts';
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
  let id: number;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    id = await logRequest(t.app, logBody({ metadata: { env: 'prod' }, tags: ['first'] }));
  });
  afterAll(() => t.close());

  const call = (method: 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: KEY_HEADER,
      payload: payload as Record<string, unknown> | undefined,
    });
  const enc = encodeURIComponent;

  async function ok(method: 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<AnnotationsResponse> {
    const response = await call(method, url, payload);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AnnotationsResponse;
  }

  describe('metadata', () => {
    it('upserts one key, keeps the others, and deletes one', async () => {
      expect(await ok('PUT', `/api/requests/${id}/metadata/user`, { value: 'u1' })).toEqual({
        id,
        tags: ['first'],
        metadata: { env: 'prod', user: 'u1' },
        scores: {},
      });
      expect((await ok('PUT', `/api/requests/${id}/metadata/env`, { value: 'dev' })).metadata).toEqual({
        env: 'dev',
        user: 'u1',
      });
      expect((await ok('DELETE', `/api/requests/${id}/metadata/env`)).metadata).toEqual({ user: 'u1' });
      expect((await t.store.getRequest(id))?.metadata).toEqual({ user: 'u1' });
    });

    it('handles keys with "/" and spaces, URL-encoded', async () => {
      const key = 'team / owner name';
      expect(
        (await ok('PUT', `/api/requests/${id}/metadata/${enc(key)}`, { value: 'a b/c' })).metadata[key],
      ).toBe('a b/c');
      expect((await ok('DELETE', `/api/requests/${id}/metadata/${enc(key)}`)).metadata).not.toHaveProperty(
        key,
      );
    });

    it.each([
      ['no body', undefined, 'body'],
      ['a number value', { value: 5 }, 'value'],
      ['a missing value', { other: 'x' }, 'value'],
    ])('answers 400 for %s and writes nothing', async (_label, payload, field) => {
      const before = (await t.store.getRequest(id))?.metadata;
      const response = await call('PUT', `/api/requests/${id}/metadata/k`, payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).message.startsWith(`${field}:`)).toBe(true);
      expect((await t.store.getRequest(id))?.metadata).toEqual(before);
    });

    it('answers 400 JSON for a malformed body and 413 for an oversized one, writing nothing', async () => {
      const before = (await t.store.getRequest(id))?.metadata;
      const malformed = await t.app.inject({
        method: 'PUT',
        url: `/api/requests/${id}/metadata/k`,
        headers: { ...KEY_HEADER, 'content-type': 'application/json' },
        payload: '{"value": ',
      });
      expect(malformed.statusCode).toBe(400);
      expect(errorOf(malformed).error).toBe('malformed_json');
      const oversized = await t.app.inject({
        method: 'PUT',
        url: `/api/requests/${id}/metadata/k`,
        headers: { ...KEY_HEADER, 'content-type': 'application/json' },
        payload: JSON.stringify({ value: 'v'.repeat(21 * 1024 * 1024) }),
      });
      expect(oversized.statusCode).toBe(413);
      expect(errorOf(oversized).error).toBe('payload_too_large');
      const tooLong = await call('PUT', `/api/requests/${id}/metadata/k`, { value: 'v'.repeat(65_537) });
      expect(tooLong.statusCode).toBe(400);
      expect((await t.store.getRequest(id))?.metadata).toEqual(before);
    });

    it('answers 400 for a key over 1024 characters and 404 for an unknown request', async () => {
      const long = await call('PUT', `/api/requests/${id}/metadata/${'k'.repeat(1025)}`, { value: 'v' });
      expect(long.statusCode).toBe(400);
      expect(errorOf(long).message.startsWith('key:')).toBe(true);
      const missing = await call('PUT', '/api/requests/99999999/metadata/k', { value: 'v' });
      expect(missing.statusCode).toBe(404);
      expect(errorOf(missing).error).toBe('request_not_found');
      expect((await call('DELETE', '/api/requests/99999999/metadata/k')).statusCode).toBe(404);
    });
  });

  describe('scores', () => {
    it('upserts by name and deletes one', async () => {
      expect((await ok('PUT', `/api/requests/${id}/scores/default`, { value: 40 })).scores).toEqual({
        default: 40,
      });
      expect(
        (await ok('PUT', `/api/requests/${id}/scores/${enc('human / tone')}`, { value: 0 })).scores,
      ).toEqual({
        default: 40,
        'human / tone': 0,
      });
      expect((await ok('PUT', `/api/requests/${id}/scores/default`, { value: 100 })).scores).toEqual({
        default: 100,
        'human / tone': 0,
      });
      expect((await ok('DELETE', `/api/requests/${id}/scores/default`)).scores).toEqual({
        'human / tone': 0,
      });
    });

    it.each([
      ['101', 101],
      ['-1', -1],
      ['85.5', 85.5],
      ['"abc"', 'abc'],
      ['"50"', '50'],
      ['null', null],
    ])('refuses %s with a 400 naming value, and writes nothing', async (_label, value) => {
      const before = (await t.store.getRequest(id))?.scores;
      const response = await call('PUT', `/api/requests/${id}/scores/default`, { value });
      expect(response.statusCode).toBe(400);
      const body = errorOf(response);
      expect(body.message.startsWith('value:')).toBe(true);
      expect(body.detail?.[0]?.loc).toEqual(['body', 'value']);
      expect((await t.store.getRequest(id))?.scores).toEqual(before);
    });

    it('answers 404 for an unknown request', async () => {
      expect((await call('PUT', '/api/requests/99999999/scores/default', { value: 5 })).statusCode).toBe(404);
      expect((await call('DELETE', '/api/requests/99999999/scores/default')).statusCode).toBe(404);
    });
  });

  describe('tags', () => {
    it('adds and removes a tag with spaces and "/"', async () => {
      const tag = 'needs review / urgent';
      expect((await ok('PUT', `/api/requests/${id}/tags/${enc(tag)}`)).tags.sort()).toEqual(
        ['first', tag].sort(),
      );
      expect(
        (await ok('PUT', `/api/requests/${id}/tags/${enc(tag)}`)).tags.filter((t) => t === tag),
      ).toHaveLength(1);
      expect((await ok('DELETE', `/api/requests/${id}/tags/${enc(tag)}`)).tags).toEqual(['first']);
    });

    it('answers 400 for a tag over 512 characters, 404 for an unknown request, 401 without a key', async () => {
      expect((await call('PUT', `/api/requests/${id}/tags/${'t'.repeat(513)}`)).statusCode).toBe(400);
      expect((await call('PUT', '/api/requests/99999999/tags/x')).statusCode).toBe(404);
      const anonymous = await t.app.inject({ method: 'PUT', url: `/api/requests/${id}/tags/x` });
      expect(anonymous.statusCode).toBe(401);
      expect((await t.store.getRequest(id))?.tags).toEqual(['first']);
    });
  });
});
