import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress-plugin.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const dist = mkdtempSync(join(tmpdir(), 'promptlog-dist-'));
const script = `console.log(${JSON.stringify('promptlog '.repeat(500))});\n`;
let t: TestApp;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><title>Promptlog</title>${'<!-- pad -->'.repeat(200)}`,
  );
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), script);
  // The same hooks Vite calls at the end of a build.
  const plugin = precompress() as unknown as {
    configResolved: (config: { root: string; build: { outDir: string } }) => void;
    closeBundle: () => void;
  };
  plugin.configResolved({ root: dist, build: { outDir: '.' } });
  plugin.closeBundle();
  t = await createTestApp({ distDir: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { accept: 'text/html,*/*', ...(encoding ? { 'accept-encoding': encoding } : {}) },
  });

it('serves hashed assets Brotli- or gzip-compressed from the build, cached for a year', async () => {
  const br = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
  expect(br.statusCode).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(br.headers['content-type']).toMatch(/javascript/);
  expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
  expect(br.rawPayload.length).toBeLessThan(script.length / 5);

  const gz = await get('/assets/index-AbC123.js', 'gzip');
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

  const plain = await get('/assets/index-AbC123.js');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body).toBe(script);
});

it('serves the page and client routes uncompressed (half a kilobyte), revalidated on every load', async () => {
  for (const url of ['/', '/requests?model=gpt-4o']) {
    const page = await get(url, 'gzip, deflate, br');
    expect(page.statusCode, url).toBe(200);
    expect(page.headers['cache-control'], url).toBe('no-cache');
    expect(page.headers['content-security-policy'], url).toContain("script-src 'self'");
    expect(page.body, url).toContain('<title>Promptlog</title>');
  }
  const missing = await t.app.inject({
    method: 'GET',
    url: '/assets/missing-123.js',
    headers: { 'accept-encoding': 'br' },
  });
  expect(missing.statusCode).toBe(404);
});
