/** Opens a SQLite file with the adapter's pragmas and brings its schema up to date. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './migrations.ts';

export const DEFAULT_CACHE_MIB = 64;

export interface SqliteOptions {
  /** Page cache in MiB (default 64): keeps the server's RSS modest at any database size. */
  cacheMiB?: number;
}

export function openDatabase(file: string, options: SqliteOptions = {}): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
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
  // Cheap statistics refresh: only tables that changed a lot, on a bounded sample.
  db.pragma('analysis_limit = 400');
  db.pragma('optimize = 0x10002');
  return db;
}

export function migrate(db: Database.Database, migrations: readonly SqliteMigration[]): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= version) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    version = migration.version;
  }
  return version;
}
