/**
 * Picks the adapter: PostgreSQL when databaseUrl is a postgres:// or postgresql:// URL,
 * otherwise the embedded SQLite file <dataDir>/promptlog.db.
 */
import { join } from 'node:path';
import { openSqliteStore } from './sqlite/index.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL pool size (ignored by SQLite). */
  poolSize?: number;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim());
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (isPostgresUrl(options.databaseUrl)) {
    const modulePath = './postgres/index.ts';
    let adapter: { openPostgresStore: (url: string, options: Record<string, unknown>) => Promise<Store> };
    try {
      adapter = await import(modulePath);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `DATABASE_URL selects PostgreSQL, but the PostgreSQL adapter could not be loaded: ${reason}`,
      );
    }
    return adapter.openPostgresStore(options.databaseUrl.trim(), {
      ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
    });
  }
  const url: string = options.databaseUrl ?? '';
  if (url.trim() !== '') {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for SQLite)');
  }
  return openSqliteStore(join(options.dataDir, 'promptlog.db'));
}
