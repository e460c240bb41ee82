/**
 * Step 80 on a database that already holds requests, including one numbered past 80 by a later
 * step (numbering has gaps): the rollups are created and filled from the stored rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { emptyFilter } from '../../../contract/api.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'promptlog-timeline-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const START = Date.UTC(2025, 5, 1);
const HOUR = 3_600_000;

it('fills the rollups from requests stored before them, then keeps them', async () => {
  const file = join(dir, 'old.db');
  const store = await openSqliteStore(file, { reads: false });
  await store.insertRequests(
    Array.from({ length: 60 }, (_, i) =>
      makeNewRequest({
        model: i % 2 === 0 ? 'gpt-4o' : 'gpt-4o-mini',
        status: i % 6 === 0 ? 'ERROR' : 'SUCCESS',
        startMs: START + i * HOUR,
        endMs: START + i * HOUR + 100 * i,
        price: 0.01,
      }),
    ),
  );
  await store.close();
  // As if the database had been created and numbered past 80 before this step existed.
  const db = new Database(file);
  db.exec(`DROP TABLE timeline_rollup; DROP TABLE timeline_latency; DROP TABLE timeline_dims;
    DROP TABLE timeline_dim_latency; DROP TRIGGER requests_timeline_delete; DROP TRIGGER requests_timeline_update;`);
  expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(80);
  db.close();

  const reopened = await openSqliteStore(file, { reads: false });
  const filter = { ...emptyFilter(), from: START, to: START + 60 * HOUR };
  const sum = async (models: string[] = []) => {
    const timeline = await reopened.timeline({ filter: { ...filter, models }, metric: 'volume' });
    expect(timeline.source).toBe('rollup');
    return timeline.buckets.reduce(
      (acc, b) => ({ success: acc.success + b.success, error: acc.error + b.error, cost: acc.cost + b.cost }),
      { success: 0, error: 0, cost: 0 },
    );
  };
  expect(await sum()).toEqual({ success: 50, error: 10, cost: expect.closeTo(0.6, 9) });
  expect((await sum(['gpt-4o'])).error).toBe(10);
  await reopened.deleteRequests({ ...filter, models: ['gpt-4o'], statuses: ['ERROR'] });
  expect((await sum()).error).toBe(0);
  await reopened.close();

  // Opening again does not fill them twice.
  const third = await openSqliteStore(file, { reads: false });
  const again = await third.timeline({ filter, metric: 'volume' });
  expect(again.buckets.reduce((n, b) => n + b.success + b.error, 0)).toBe(50);
  await third.close();
});
