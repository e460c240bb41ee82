/**
 * For tests: PostgreSQL comes from TEST_DATABASE_URL only (never DATABASE_URL, which may be a
 * user's real database). Each caller gets its own fresh schema, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';
export const SKIP_REASON =
  'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://… (scripts/pg-throwaway.sh start prints one)';

export interface TestSchema {
  name: string;
  /** TEST_DATABASE_URL with search_path pinned to the schema. */
  url: string;
  drop(): Promise<void>;
}

/** `url` with every connection's search_path set to `schema`. */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** Drops schemas one after another over one connection (not one connection each). */
export async function dropSchemas(names: readonly string[], baseUrl = TEST_DATABASE_URL): Promise<void> {
  if (names.length === 0) return;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  } finally {
    await client.end();
  }
}

export async function createTestSchema(baseUrl = TEST_DATABASE_URL): Promise<TestSchema> {
  const name = `promptlog_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
    // Installed once per database, outside the test schemas (which are dropped with CASCADE):
    // the migration finds it there, as it would a DBA-installed pg_trgm.
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => undefined);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlWithSchema(baseUrl, name),
    drop: () => dropSchemas([name], baseUrl),
  };
}
