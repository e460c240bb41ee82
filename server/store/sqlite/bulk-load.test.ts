import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import { beginBulkLoad, finishBulkLoad } from './bulk-load.ts';
import { openDatabase } from './open-database.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'promptlog-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schemaAt = (file: string) => {
  const db = openDatabase(file);
  const schema = schemaOf(db);
  db.close();
  return schema;
};

const schemaOf = (db: Database.Database) =>
  db
    .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name`)
    .all();

const matchesIn = (db: Database.Database, table: string, term: string) =>
  (
    db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).all(term) as {
      rowid: number;
    }[]
  ).map((row) => row.rowid);

/** The word index and the trigram index agree (a trigram is one token of the trigram index). */
const ftsMatches = (db: Database.Database, term: string) => {
  const words = matchesIn(db, 'requests_fts', term);
  expect(matchesIn(db, 'requests_trgm', term.slice(1, 4))).toEqual(words);
  return words;
};

function ftsIntegrity(db: Database.Database): void {
  // Raises SQLITE_CORRUPT when an index disagrees with request_bodies.
  for (const table of ['requests_fts', 'requests_trgm'])
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run();
}

it('defers full text and secondary indexes during a large load and restores both after', async () => {
  const file = join(dir, 'large.db');
  const store = await openSqliteStore(file);
  const [before] = await store.insertRequests([makeNewRequest({ tags: ['before'] })]);
  const schema = schemaAt(file);

  const plan = store.beginBulkLoad(50_000);
  expect(plan.droppedIndexes).toBeGreaterThan(5);
  const loaded = await store.insertRequests(
    Array.from({ length: 30 }, (_, i) => makeNewRequest({ tags: [`bulk${i % 3}`] })),
  );
  const finish = store.finishBulkLoad();
  expect(finish).toEqual({ ftsRows: 30, recreatedIndexes: plan.droppedIndexes });
  await store.close();

  const db = openDatabase(file);
  expect(schemaOf(db)).toEqual(schema);
  expect(ftsMatches(db, 'weather')).toEqual([before, ...loaded]);
  ftsIntegrity(db);
  // A delete after the load takes the row out of both indexes.
  db.prepare('DELETE FROM requests WHERE id = ?').run(loaded[0]);
  ftsIntegrity(db);
  expect(db.prepare('SELECT count(*) AS n FROM fts_backlog').get()).toEqual({ n: 0 });
  db.close();
});

it('keeps the indexes of a load smaller than what is already stored', async () => {
  const file = join(dir, 'small.db');
  const db = openDatabase(file);
  const indexes = schemaOf(db).length;
  expect(beginBulkLoad(db, 10)).toEqual({ droppedIndexes: 0 });
  expect(schemaOf(db).length).toBe(indexes);
  expect(finishBulkLoad(db)).toEqual({ ftsRows: 0, recreatedIndexes: 0 });
  expect(schemaOf(db).length).toBe(indexes);
  db.close();
});

it('finishes an interrupted bulk load when the database is next opened', async () => {
  const file = join(dir, 'interrupted.db');
  const store = await openSqliteStore(file);
  const schema = schemaAt(file);
  store.beginBulkLoad(100_000);
  const ids = await store.insertRequests([makeNewRequest(), makeNewRequest()]);
  await store.close(); // no finishBulkLoad: as if the seed process died

  const db = openDatabase(file);
  expect(schemaOf(db)).toEqual(schema);
  expect(ftsMatches(db, 'sunny')).toEqual(ids);
  ftsIntegrity(db);
  db.close();
});

it("indexes every transaction's new rows once, whichever way they were written, and after a load", async () => {
  const file = join(dir, 'per-transaction.db');
  const store = await openSqliteStore(file);
  // Group commit: concurrent single inserts share one transaction.
  const single = await Promise.all(Array.from({ length: 7 }, () => store.insertRequest(makeNewRequest())));
  const batch = await store.insertRequests(Array.from({ length: 5 }, () => makeNewRequest()));
  store.beginBulkLoad(10);
  const bulk = await store.insertRequests([makeNewRequest()]);
  expect(store.finishBulkLoad().ftsRows).toBe(1);
  const after = await store.insertRequests([makeNewRequest(), makeNewRequest()]);
  await store.close();

  const db = openDatabase(file);
  ftsIntegrity(db);
  expect(ftsMatches(db, 'weather')).toEqual([...single, ...batch, ...bulk, ...after]);
  db.prepare('DELETE FROM requests WHERE id IN (?, ?)').run(single[3], after[0]);
  ftsIntegrity(db);
  expect(ftsMatches(db, 'weather')).toHaveLength(13);
  db.close();
});
