/** The floor for the benchmark's store: its own SQL, run directly on the same database. */
import type { BenchDatabase } from './database.ts';
import { openPostgresFloor } from './floor-postgres.ts';
import { openSqliteFloor } from './floor-sqlite.ts';
import type { Floor } from './read-bench.ts';

export function createFloor(db: BenchDatabase): Promise<Floor> {
  return db.databaseUrl ? openPostgresFloor(db.databaseUrl) : Promise.resolve(openSqliteFloor(db.dataDir));
}
