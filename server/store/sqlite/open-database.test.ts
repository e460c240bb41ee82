import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import { SQLITE_MIGRATIONS } from './migrations.ts';
import { migrate, openDatabase } from './open-database.ts';
import { openSqliteStore } from './sqlite-store.ts';

/** Step numbers have gaps (each engineer owns a range): the latest is the highest. */
const LATEST = Math.max(...SQLITE_MIGRATIONS.map((step) => step.version));
const dir = mkdtempSync(join(tmpdir(), 'promptlog-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('migrates a new file to the latest version and reopens without re-running steps', () => {
  const file = join(dir, 'fresh.db');
  const db = openDatabase(file);
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  db.close();
  const again = openDatabase(file);
  expect(again.pragma('user_version', { simple: true })).toBe(LATEST);
  again.close();
});

it('repairs a pre-release database whose insert triggers double-counted facets', async () => {
  const file = join(dir, 'early.db');
  const db = openDatabase(file);
  db.exec(`CREATE TRIGGER request_tags_facets_insert AFTER INSERT ON request_tags BEGIN
    INSERT INTO facet_counts (kind, value, extra, n) VALUES ('tag', new.tag, '', 1)
      ON CONFLICT (kind, value, extra) DO UPDATE SET n = n + 1;
  END;`);
  db.close();
  // Opening repairs before the store writes, so these inserts are counted once.
  const store = await openSqliteStore(file);
  await store.insertRequests([makeNewRequest({ tags: ['a'] }), makeNewRequest({ tags: ['a', 'b'] })]);
  expect((await store.facets()).tags).toEqual([
    { value: 'a', count: 2 },
    { value: 'b', count: 1 },
  ]);
  await store.close();

  // A file that was written while the trigger was active gets recounted on open.
  const stale = openDatabase(file);
  stale.exec("UPDATE facet_counts SET n = n * 2 WHERE kind = 'tag'");
  stale.exec(`CREATE TRIGGER requests_facets_insert AFTER INSERT ON requests BEGIN SELECT 1; END;`);
  stale.close();
  const repaired = await openSqliteStore(file);
  expect((await repaired.facets()).tags).toEqual([
    { value: 'a', count: 2 },
    { value: 'b', count: 1 },
  ]);
  await repaired.close();
});

it('brings a database at version 2 without bulk_dropped_indexes (a development build) up to date', () => {
  const file = join(dir, 'v2-early.db');
  const db = new Database(file);
  migrate(
    db,
    SQLITE_MIGRATIONS.filter((step) => step.version <= 2),
  );
  db.close();
  const again = openDatabase(file);
  expect(again.pragma('user_version', { simple: true })).toBe(LATEST);
  expect(again.prepare('SELECT count(*) AS n FROM bulk_dropped_indexes').get()).toEqual({ n: 0 });
  again.close();
});

it('adds an idempotent step to a database already numbered past it (numbering has gaps)', () => {
  const file = join(dir, 'gap.db');
  const db = openDatabase(file);
  db.exec('DROP TABLE prompt_labels; DROP TABLE prompt_versions; DROP TABLE prompt_templates;');
  db.close();
  const again = openDatabase(file);
  expect(again.pragma('user_version', { simple: true })).toBe(LATEST);
  expect(again.prepare('SELECT count(*) AS n FROM prompt_templates').get()).toEqual({ n: 0 });
  again.close();
});
