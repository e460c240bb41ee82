/** Opens a SQLite file with the adapter's pragmas and brings its schema up to date. */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { finishBulkLoad } from './bulk-load.ts';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './migrations.ts';

export const DEFAULT_CACHE_MIB = 64;

export interface SqliteOptions {
  /** Page cache in MiB (default 64): keeps the server's RSS modest at any database size. */
  cacheMiB?: number;
  /** The WAL is checkpointed and started over once it holds this much (default 64 MiB). */
  walThresholdBytes?: number;
}

export function openDatabase(file: string, options: SqliteOptions = {}): Database.Database {
  if (file !== ':memory:' && !existsSync(dirname(file)))
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  // Only a database without tables can choose this: lets retention return freed pages to the OS
  // (PRAGMA incremental_vacuum). Older files keep reusing their free pages; see the README.
  if (isEmpty(db)) db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  if (file !== ':memory:') makePrivate(file);
  // In WAL mode NORMAL loses nothing on a process crash (SIGKILL); only an OS crash or power
  // loss can roll back the last transactions.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${(options.cacheMiB ?? DEFAULT_CACHE_MIB) * 1024}`);
  db.pragma('temp_store = MEMORY');
  // After a checkpoint resets the WAL, keep the file from staying at its high-water mark.
  db.pragma('journal_size_limit = 67108864');
  migrate(db, SQLITE_MIGRATIONS);
  repairEarlyCounters(db);
  finishBulkLoad(db);
  // Cheap statistics refresh: only tables that changed a lot, on a bounded sample.
  db.pragma('analysis_limit = 400');
  db.pragma('optimize = 0x10002');
  return db;
}

/** The database, its WAL and shared-memory files: readable by their owner only. */
function makePrivate(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}

function isEmpty(db: Database.Database): boolean {
  return (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0;
}

export function migrate(db: Database.Database, migrations: readonly SqliteMigration[]): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= version) {
      // Numbering has gaps (each engineer owns a range), so a database can be numbered past a step
      // it never ran: steps written to be safe to repeat are re-run, and add what is missing.
      if (migration.idempotent) db.transaction(() => db.exec(migration.sql)).immediate();
      continue;
    }
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    version = migration.version;
  }
  return version;
}

const EARLY_INSERT_TRIGGERS = [
  'requests_facets_insert',
  'request_tags_facets_insert',
  'request_scores_facets_insert',
  'request_metadata_facets_insert',
];

/**
 * Databases made by a pre-release build of schema version 1 also counted inserts by trigger,
 * which now double-counts with the adapter's own counting: drop those triggers and recount.
 */
export function repairEarlyCounters(db: Database.Database): void {
  const found = db
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?, ?)`)
    .get(...EARLY_INSERT_TRIGGERS) as { n: number };
  if (found.n === 0) return;
  db.transaction(() => {
    for (const name of EARLY_INSERT_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
    db.exec(`
      DELETE FROM facet_counts;
      DELETE FROM metadata_value_counts;
      INSERT INTO facet_counts (kind, value, extra, n) SELECT 'model', model, provider, count(*) FROM requests GROUP BY model, provider;
      INSERT INTO facet_counts (kind, value, extra, n) SELECT 'provider', provider, '', count(*) FROM requests GROUP BY provider;
      INSERT INTO facet_counts (kind, value, extra, n) SELECT 'status', status, '', count(*) FROM requests GROUP BY status;
      INSERT INTO facet_counts (kind, value, extra, n) SELECT 'prompt', prompt_name, '', count(*) FROM requests WHERE prompt_name IS NOT NULL GROUP BY prompt_name;
      INSERT INTO facet_counts (kind, value, extra, n) SELECT 'tag', tag, '', count(*) FROM request_tags GROUP BY tag;
      INSERT INTO facet_counts (kind, value, extra, n) SELECT 'metadata_key', key, '', count(*) FROM request_metadata GROUP BY key;
      INSERT INTO facet_counts (kind, value, extra, n) SELECT 'score_name', name, '', count(*) FROM request_scores GROUP BY name;
      INSERT INTO metadata_value_counts (key, value, n) SELECT key, value, count(*) FROM request_metadata GROUP BY key, value;
    `);
  }).immediate();
}
