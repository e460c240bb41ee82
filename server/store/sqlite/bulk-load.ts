/**
 * Bulk-load mode for the seed CLI (one exclusive writer). FTS5 maintenance (word and trigram
 * indexes) and random inserts into a dozen secondary B-trees dominate a large load, so while it
 * runs the new rows are not indexed per transaction (the store's FullTextBatch is off; they are
 * indexed in one pass at the end) and, when the load is at least as big as what is already
 * there, the secondary indexes are dropped and rebuilt by sorting afterwards. What must be redone is recorded in the same transaction as
 * the drops, so a load that dies half-way is finished the next time the database is opened.
 */
import type Database from 'better-sqlite3';

/** Below this many rows to load, dropping and rebuilding the indexes does not pay. */
const DROP_INDEXES_MIN_ROWS = 20_000;

const BULK_TABLES = ['requests', 'request_tags', 'request_metadata', 'request_scores'];

export interface BulkLoadPlan {
  droppedIndexes: number;
}

export function beginBulkLoad(db: Database.Database, expectedRows: number): BulkLoadPlan {
  return db
    .transaction(() => {
      db.prepare(
        `INSERT INTO fts_backlog (id, from_id) SELECT 1, COALESCE(max(id), 0) + 1 FROM requests
          WHERE true ON CONFLICT (id) DO NOTHING`,
      ).run();
      const existing = (db.prepare('SELECT count(*) AS n FROM requests').get() as { n: number }).n;
      if (expectedRows < DROP_INDEXES_MIN_ROWS || expectedRows < existing) return { droppedIndexes: 0 };
      // Only indexes with DDL: primary keys (sql IS NULL) stay, and so do unique constraints' autoindexes.
      const indexes = db
        .prepare(
          `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
            AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})`,
        )
        .all(...BULK_TABLES) as { name: string; sql: string }[];
      const remember = db.prepare('INSERT OR REPLACE INTO bulk_dropped_indexes (name, sql) VALUES (?, ?)');
      for (const index of indexes) {
        remember.run(index.name, index.sql);
        db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
      }
      return { droppedIndexes: indexes.length };
    })
    .immediate();
}

export interface BulkLoadFinish {
  ftsRows: number;
  recreatedIndexes: number;
}

/**
 * Indexes the rows a bulk load left behind and recreates dropped indexes. A no-op when no bulk load is pending.
 */
export function finishBulkLoad(db: Database.Database): BulkLoadFinish {
  return db
    .transaction(() => {
      let ftsRows = 0;
      const backlog = db.prepare('SELECT from_id FROM fts_backlog WHERE id = 1').get() as
        | { from_id: number }
        | undefined;
      if (backlog !== undefined) {
        ftsRows = db
          .prepare(
            `INSERT INTO requests_fts (rowid, input_text, output_text)
              SELECT request_id, input_text, output_text FROM request_bodies WHERE request_id >= ?`,
          )
          .run(backlog.from_id).changes;
        db.prepare(
          `INSERT INTO requests_trgm (rowid, input_text, output_text)
            SELECT request_id, input_text, output_text FROM request_bodies WHERE request_id >= ?`,
        ).run(backlog.from_id);
        db.exec('DELETE FROM fts_backlog');
      }
      const dropped = db.prepare('SELECT name, sql FROM bulk_dropped_indexes').all() as {
        name: string;
        sql: string;
      }[];
      for (const index of dropped) db.exec(index.sql);
      db.exec('DELETE FROM bulk_dropped_indexes');
      // DROP INDEX took the planner's statistics with it (bounded by the analysis_limit pragma).
      if (dropped.length > 0) db.exec('ANALYZE');
      return { ftsRows, recreatedIndexes: dropped.length };
    })
    .immediate();
}
