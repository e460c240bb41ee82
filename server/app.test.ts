import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { openStore } from './store/open-store.ts';
import { logBody } from './testing/factories.ts';
import { createTestApp, errorOf, KEY_HEADER, TEST_KEY, type TestApp } from './testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('answers 200 JSON without a key', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, version: 'test', store: 'sqlite' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('unknown and unsupported routes', () => {
  it.each([
    ['GET', '/prompt-templates/my-prompt'],
    ['GET', '/api/public/v2/prompt-templates'],
    ['POST', '/rest/workflows/abc/run'],
    ['POST', '/library-get-prompt-template'],
  ])('%s %s is a 404 JSON saying the route is not supported', async (method, url) => {
    const response = await t.app.inject({
      method: method as 'GET' | 'POST',
      url,
      headers: KEY_HEADER,
      payload: method === 'POST' ? {} : undefined,
    });
    expect(response.statusCode).toBe(404);
    const body = errorOf(response);
    expect(body.error).toBe('route_not_supported');
    expect(body.message).toContain('not supported by Promptlog');
  });

  it('any other unknown route is a 404 JSON, also under /api/ for browsers', async () => {
    const post = await t.app.inject({ method: 'POST', url: '/nope', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(errorOf(post).error).toBe('not_found');
    const api = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    errorOf(api);
    const json = await t.app.inject({
      method: 'GET',
      url: '/some/page',
      headers: { accept: 'application/json' },
    });
    expect(json.statusCode).toBe(404);
    errorOf(json);
  });

  it('a URL with broken percent-encoding is a 400 JSON in the same error shape', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/requests/1/metadata/%E0%A4%A',
      headers: KEY_HEADER,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).error).toBe('bad_url');
  });

  it('wrong methods on known paths are JSON too', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/log-request', headers: KEY_HEADER });
    expect(response.statusCode).toBe(404);
    errorOf(response);
  });
});

describe('the SPA', () => {
  it('without a build, / and client routes say to run npm run build (static text)', async () => {
    const root = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.headers['content-type']).toContain('text/html');
    expect(root.body).toContain('npm run build');
    const deep = await t.app.inject({
      method: 'GET',
      url: '/requests?x=<script>',
      headers: { accept: 'text/html' },
    });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).not.toContain('<script>');
  });

  it('with a build, serves files and index.html for client routes', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'promptlog-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Promptlog SPA</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const app = buildApp({ store: t.store, apiKeys: [TEST_KEY], version: 'test', distDir: dist });
    try {
      const root = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('Promptlog SPA');
      expect(root.headers['content-security-policy']).toContain("script-src 'self'");
      const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      const route = await app.inject({
        method: 'GET',
        url: '/?request=5',
        headers: { accept: 'text/html,*/*' },
      });
      expect(route.body).toContain('Promptlog SPA');
      const deep = await app.inject({
        method: 'GET',
        url: '/anything/deep',
        headers: { accept: 'text/html' },
      });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('Promptlog SPA');
      expect(deep.headers['content-security-policy']).toContain("object-src 'none'");
      const missingAsset = await app.inject({
        method: 'GET',
        url: '/assets/missing.js',
        headers: { accept: '*/*' },
      });
      expect(missingAsset.statusCode).toBe(404);
      errorOf(missingAsset);
      const api = await app.inject({ method: 'GET', url: '/api/requests', headers: KEY_HEADER });
      expect(api.statusCode).toBe(200);
    } finally {
      await app.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('internal errors', () => {
  it('answer 500 JSON without internals when the store fails', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'promptlog-broken-'));
    const store = await openStore({ dataDir, databaseUrl: undefined });
    const app = buildApp({ store, apiKeys: [TEST_KEY], version: 'test', distDir: join(dataDir, 'none') });
    try {
      await store.close();
      const response = await app.inject({ method: 'GET', url: '/api/requests/1', headers: KEY_HEADER });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        success: false,
        error: 'internal_error',
        message: 'Internal server error.',
      });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('database unavailable', () => {
  it('answers 503 JSON (database_unavailable), not a 500, when PostgreSQL cannot be reached', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'promptlog-nodb-'));
    // Nothing listens on port 1: the adapter starts anyway and reports the outage per request.
    const store = await openStore({ dataDir, databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    const app = buildApp({ store, apiKeys: [TEST_KEY], version: 'test', distDir: join(dataDir, 'none') });
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      for (const [method, url] of [
        ['GET', '/api/requests'],
        ['POST', '/log-request'],
      ] as const) {
        const response = await app.inject({
          method,
          url,
          headers: KEY_HEADER,
          payload: method === 'POST' ? logBody() : undefined,
        });
        expect(response.statusCode).toBe(503);
        expect(errorOf(response).error).toBe('database_unavailable');
        expect(response.headers['retry-after']).toBe('5');
        expect(response.body).not.toContain('127.0.0.1:1');
      }
    } finally {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
