/**
 * Versioned migrations, applied on start under a PostgreSQL advisory lock so that several
 * servers starting at once against one database apply each migration exactly once: the first
 * takes the lock and migrates, the others wait for it and then find nothing left to do.
 */
import type { Pool, PoolClient } from 'pg';
import { MIGRATIONS, type Migration } from './schema.ts';

/** First key of the two-key advisory lock; the second is the schema's hash. Arbitrary, fixed. */
const LOCK_NAMESPACE = 0x50_4c_47; // "PLG"

export interface MigrateResult {
  applied: number[];
  version: number;
}

export async function migrate(
  pool: Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [LOCK_NAMESPACE]);
    try {
      return await applyPending(client, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [LOCK_NAMESPACE]);
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A client whose session may still hold the lock is destroyed, never returned to the pool.
    client.release(broken);
  }
}

async function applyPending(client: PoolClient, migrations: readonly Migration[]): Promise<MigrateResult> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const have = new Set(done.rows.map((row) => row.version));
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (have.has(migration.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    applied.push(migration.version);
  }
  const version = Math.max(0, ...migrations.map((m) => m.version));
  return { applied, version };
}
