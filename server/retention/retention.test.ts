import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFilter, type RetentionStatus, retentionStatusSchema } from '../../contract/api.ts';
import { buildApp } from '../app.ts';
import { makeNewRequest } from '../testing/factories.ts';
import { createTestApp, forEachStore, KEY_HEADER, TEST_KEY, type TestApp } from '../testing/test-app.ts';
import { RetentionConfigError, retentionFromEnv } from './retention-config.ts';
import { RetentionRunner } from './retention-runner.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31);

describe('retention settings from the environment', () => {
  it('is off by default and with 0 days', () => {
    expect(retentionFromEnv({})).toEqual({ days: null, keep: { scored: false, tags: [] } });
    expect(retentionFromEnv({ PROMPTLOG_RETENTION_DAYS: '0' }).days).toBeNull();
  });
  it('reads days, keep-scored and keep-tags', () => {
    expect(
      retentionFromEnv({
        PROMPTLOG_RETENTION_DAYS: '30',
        PROMPTLOG_RETENTION_KEEP_SCORED: 'true',
        PROMPTLOG_RETENTION_KEEP_TAGS: ' golden, eval ,golden',
      }),
    ).toEqual({ days: 30, keep: { scored: true, tags: ['golden', 'eval'] } });
  });
  it('refuses what it cannot read, naming the variable', () => {
    expect(() => retentionFromEnv({ PROMPTLOG_RETENTION_DAYS: '30d' })).toThrow(RetentionConfigError);
    expect(() => retentionFromEnv({ PROMPTLOG_RETENTION_DAYS: '-1' })).toThrow(/PROMPTLOG_RETENTION_DAYS/);
    expect(() => retentionFromEnv({ PROMPTLOG_RETENTION_KEEP_SCORED: 'yes' })).toThrow(
      /PROMPTLOG_RETENTION_KEEP_SCORED/,
    );
  });
});

forEachStore((kind) => {
  let t: TestApp;
  let app: FastifyInstance;
  let runner: RetentionRunner;
  let keptIds: number[];
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    runner = new RetentionRunner(
      t.store,
      { days: 30, keep: { scored: true, tags: ['golden'] } },
      { batchSize: 7, pauseMs: 1, intervalMs: 60_000, firstRunDelayMs: 60_000 },
    );
    app = buildApp({
      store: t.store,
      apiKeys: [TEST_KEY],
      version: 'test',
      retention: runner,
      distDir: t.dataDir,
    });
    const requests = Array.from({ length: 40 }, (_, i) =>
      makeNewRequest({
        startMs: i < 30 ? NOW - 45 * DAY + i * 1000 : NOW - DAY + i,
        scores: i % 5 === 0 ? { default: 80 } : {},
        tags: i % 7 === 0 ? ['golden'] : [],
      }),
    );
    const ids = await t.store.insertRequests(requests);
    keptIds = ids.filter((_, i) => i >= 30 || i % 5 === 0 || i % 7 === 0);
  });
  afterAll(async () => {
    await runner.stop();
    await app.close();
    await t.close();
  });

  const status = async (): Promise<RetentionStatus> => {
    const response = await app.inject({ method: 'GET', url: '/api/retention', headers: KEY_HEADER });
    expect(response.statusCode, response.body).toBe(200);
    return retentionStatusSchema.parse(response.json());
  };

  describe('retention run', () => {
    it('reports the setting and the size before any run', async () => {
      const before = await status();
      expect(before).toMatchObject({
        days: 30,
        keep: { scored: true, tags: ['golden'] },
        running: false,
        runs: [],
      });
      expect(before.storage.bytes).toBeGreaterThan(0);
    });

    it('deletes old requests in batches, keeps scored and golden ones, and shows what it did', async () => {
      const run = await runner.runNow(NOW);
      expect(run).toMatchObject({
        deleted: 40 - keptIds.length,
        error: null,
        cutoff: new Date(NOW - 30 * DAY).toISOString(),
      });
      const left = await t.store.listRequests({
        filter: emptyFilter(),
        sort: 'time',
        order: 'asc',
        limit: 100,
      });
      expect(left.rows.map((row) => row.id)).toEqual(keptIds);
      const after = await status();
      expect(after.runs).toEqual([run]);
      expect(after.storage.reclaim).toBe(kind === 'sqlite' ? 'incremental-vacuum' : 'autovacuum');
      // Nothing left: the next run deletes nothing.
      expect((await runner.runNow(NOW)).deleted).toBe(0);
    });

    it('POST /api/retention/run starts a run; it answers 409 where retention is off', async () => {
      const started = await app.inject({ method: 'POST', url: '/api/retention/run', headers: KEY_HEADER });
      expect(started.statusCode, started.body).toBe(202);
      await runner.runNow(); // joins the run the route started
      expect((await status()).runs.length).toBeGreaterThanOrEqual(3);
      const off = await t.app.inject({ method: 'POST', url: '/api/retention/run', headers: KEY_HEADER });
      expect(off.statusCode).toBe(409);
      expect(off.json()).toMatchObject({ error: 'retention_off' });
    });

    it('needs the key', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/retention' })).statusCode).toBe(401);
    });
  });
});
