import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { logBody } from '../testing/factories.ts';
import { createTestApp, forEachStore, KEY_HEADER, logRequest, type TestApp } from '../testing/test-app.ts';

async function scrape(t: TestApp): Promise<string> {
  const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: KEY_HEADER });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

/** The value of one sample line, e.g. `name{a="b"} 3`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

forEachStore((kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({}, kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('needs the API key', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('counts requests and latencies by route pattern, never by raw URL', async () => {
    const id = await logRequest(t.app, logBody());
    for (let i = 0; i < 3; i++) {
      const response = await t.app.inject({ method: 'GET', url: `/api/requests/${id}`, headers: KEY_HEADER });
      expect(response.statusCode).toBe(200);
    }
    await t.app.inject({ method: 'GET', url: '/api/requests/999999', headers: KEY_HEADER });
    await t.app.inject({ method: 'GET', url: '/no/such/path/123', headers: KEY_HEADER });

    const text = await scrape(t);
    expect(
      sample(text, 'promptlog_http_requests_total{method="POST",route="/log-request",status="201"}'),
    ).toBe(1);
    expect(
      sample(text, 'promptlog_http_requests_total{method="GET",route="/api/requests/:id",status="200"}'),
    ).toBe(3);
    expect(
      sample(text, 'promptlog_http_requests_total{method="GET",route="/api/requests/:id",status="404"}'),
    ).toBe(1);
    expect(sample(text, 'promptlog_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(
      1,
    );
    expect(
      sample(text, 'promptlog_http_request_duration_seconds_count{method="GET",route="/api/requests/:id"}'),
    ).toBe(4);
    expect(
      sample(
        text,
        'promptlog_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/requests/:id"}',
      ),
    ).toBe(4);
    expect(text).not.toContain(`/api/requests/${id}"`);
    expect(text).not.toContain('/no/such/path');
    expect(sample(text, 'promptlog_ingest_queue_depth')).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE promptlog_store_errors_total counter');
  });

  if (kind === 'sqlite') {
    it('reports the WAL and its last checkpoint', async () => {
      await logRequest(t.app, logBody());
      // The checkpointer copies the write back into the database within a few ticks.
      await expect
        .poll(async () => sample(await scrape(t), 'promptlog_sqlite_last_checkpoint_timestamp_seconds'), {
          timeout: 10_000,
        })
        .toBeGreaterThan(Date.now() / 1000 - 60);
      const text = await scrape(t);
      expect(sample(text, 'promptlog_sqlite_wal_bytes')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'promptlog_sqlite_wal_high_water_bytes')).toBeGreaterThan(0);
      expect(sample(text, 'promptlog_sqlite_checkpoints_total')).toBeGreaterThan(0);
    });

    it('counts store errors by code', async () => {
      const id = await logRequest(t.app, logBody());
      const other = new Database(join(t.dataDir, 'promptlog.db'));
      other.exec('DROP TABLE request_bodies');
      other.close();
      const response = await t.app.inject({ method: 'GET', url: `/api/requests/${id}`, headers: KEY_HEADER });
      expect(response.statusCode).toBe(500);
      expect(sample(await scrape(t), 'promptlog_store_errors_total{code="SQLITE_ERROR"}')).toBe(1);
    });
  } else {
    it('reports the PostgreSQL pool', async () => {
      await logRequest(t.app, logBody());
      const text = await scrape(t);
      expect(sample(text, 'promptlog_pg_pool_max_connections')).toBeGreaterThan(0);
      expect(sample(text, 'promptlog_pg_pool_connections')).toBeGreaterThan(0);
      expect(sample(text, 'promptlog_pg_pool_waiting_clients')).toBe(0);
    });
  }
});
