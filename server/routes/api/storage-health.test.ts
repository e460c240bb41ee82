/**
 * Disk full, a damaged file, an unreachable PostgreSQL (issue #8, item 4): writes answer 507 with
 * Retry-After while reads keep working and recover by themselves; health tells the truth.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openPostgresStore } from '../../store/postgres/index.ts';
import type { SqliteStore } from '../../store/sqlite/index.ts';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  KEY_HEADER,
  logRequest,
  TEST_KEY,
  type TestApp,
} from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await logRequest(t.app, logBody());
});
afterAll(() => t.close());

const big = () =>
  logBody({ input: { type: 'chat', messages: [{ role: 'user', content: 'x'.repeat(200_000) }] } });

it('a full disk: 507 with Retry-After on writes, reads keep working, writes recover when space returns', async () => {
  // SQLite's max_page_count makes the database full exactly as a full filesystem does (SQLITE_FULL).
  const db = (t.store as unknown as { db: Database.Database }).db;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  try {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/log-request',
      headers: KEY_HEADER,
      payload: big(),
    });
    expect(refused.statusCode).toBe(507);
    expect(errorOf(refused).error).toBe('storage_full');
    expect(refused.headers['retry-after']).toBeDefined();
    const list = await t.app.inject({ method: 'GET', url: '/api/requests', headers: KEY_HEADER });
    expect(list.statusCode).toBe(200);
    expect(list.json().rows).toHaveLength(1);
  } finally {
    db.pragma('max_page_count = 4294967294');
  }
  const stored = await t.app.inject({
    method: 'POST',
    url: '/log-request',
    headers: KEY_HEADER,
    payload: big(),
  });
  expect(stored.statusCode).toBe(201);
});

it('a damaged database file turns health unhealthy', async () => {
  expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  const damaged = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
  (t.store as SqliteStore).noteError(damaged);
  const health = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(health.statusCode).toBe(503);
  expect(errorOf(health).error).toBe('database_corrupt');
});

it('an unreachable PostgreSQL makes health answer 503', async () => {
  const store = await openPostgresStore('postgres://postgres@127.0.0.1:9/none', {
    connectTimeoutMs: 500,
    retryMs: 60_000,
    log: () => undefined,
  });
  const app = buildApp({ store, apiKeys: [TEST_KEY], version: 'test' });
  try {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(errorOf(health).error).toBe('database_unavailable');
  } finally {
    await app.close();
    await store.close();
  }
});
