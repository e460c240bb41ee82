/**
 * Entry point loaded by server/store/open-store.ts when DATABASE_URL is postgres:// or
 * postgresql://. Resolves even when the database is down (it is reported and retried; queries
 * answer DatabaseUnavailableError → 503 meanwhile); throws only for errors a retry cannot fix.
 */
import type { ConnectionOptions } from './connection.ts';
import { PostgresStore } from './postgres-store.ts';

export { DatabaseUnavailableError, isDatabaseUnavailableError } from './errors.ts';
export { PostgresStore } from './postgres-store.ts';

export type PostgresStoreOptions = ConnectionOptions;

export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const store = new PostgresStore(url, options);
  await store.connection.start();
  return store;
}
