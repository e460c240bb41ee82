/**
 * The worst search the limits allow, against a 1 MB request, must not hold the server: health and
 * ingest answer while it runs, and past the read time limit it is answered 503 query_timeout with
 * Retry-After (issue #8, item 1). SQLite runs it in a read worker; PostgreSQL under statement_timeout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEARCH_LIMITS } from '../../../contract/limits.ts';
import { buildApp } from '../../app.ts';
import { openPostgresStore } from '../../store/postgres/index.ts';
import { createTestSchema, type TestSchema } from '../../store/postgres/testing/test-database.ts';
import { openSqliteStore } from '../../store/sqlite/index.ts';
import type { Store } from '../../store/store.ts';
import { logBody } from '../../testing/factories.ts';
import { errorOf, forEachStore, KEY_HEADER, TEST_KEY } from '../../testing/test-app.ts';

const READ_LIMIT_MS = 1500;

/** Every text filter the limits allow, each a near-miss (O(text × pattern) for LIKE). */
const worstSearch = {
  filter_group: {
    logic: 'OR',
    filters: Array.from({ length: SEARCH_LIMITS.textFilters }, (_, i) => ({
      field: 'input_text',
      operator: 'contains',
      value: `${'a'.repeat(SEARCH_LIMITS.patternLength - 2)}b${i}`,
    })),
  },
};

forEachStore((kind) => {
  let app: FastifyInstance;
  let store: Store;
  let dataDir: string;
  let schema: TestSchema | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'promptlog-slow-'));
    if (kind === 'postgres') {
      schema = await createTestSchema();
      store = await openPostgresStore(schema.url, { readTimeoutMs: READ_LIMIT_MS });
    } else {
      store = await openSqliteStore(join(dataDir, 'promptlog.db'), { reads: { timeoutMs: READ_LIMIT_MS } });
    }
    app = buildApp({ store, apiKeys: [TEST_KEY], version: 'test', distDir: join(dataDir, 'none') });
    await app.ready();
    const huge = 'a'.repeat(1_000_000);
    for (let i = 0; i < 3; i++) {
      const response = await app.inject({
        method: 'POST',
        url: '/log-request',
        headers: KEY_HEADER,
        payload: logBody({ input: { type: 'chat', messages: [{ role: 'user', content: huge }] } }),
      });
      expect(response.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('health and ingest answer while the worst allowed search runs; it ends in 503 query_timeout', async () => {
    let finished = false;
    const slow = app
      .inject({
        method: 'POST',
        url: '/api/public/v2/requests/search',
        headers: KEY_HEADER,
        payload: worstSearch,
      })
      .finally(() => {
        finished = true;
      });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const logged = await app.inject({
      method: 'POST',
      url: '/log-request',
      headers: KEY_HEADER,
      payload: logBody(),
    });
    expect(logged.statusCode).toBe(201);
    const list = await app.inject({ method: 'GET', url: '/api/requests?limit=5', headers: KEY_HEADER });
    expect(list.statusCode).toBe(200);
    expect(finished).toBe(false);

    const response = await slow;
    expect(response.statusCode, response.body).toBe(503);
    expect(errorOf(response).error).toBe('query_timeout');
    expect(response.headers['retry-after']).toBeDefined();

    const next = await app.inject({
      method: 'POST',
      url: '/api/public/v2/requests/search',
      headers: KEY_HEADER,
      payload: { q: 'hello' },
    });
    expect(next.statusCode).toBe(200);
  });
});
