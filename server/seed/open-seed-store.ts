/**
 * Opens the store for bulk seeding. For SQLite it gives the writer a large page cache: at
 * hundreds of thousands of rows the FTS5 segment merges re-read the same pages over and over,
 * and with the server's default 64 MiB cache every re-read is a pread from the OS.
 */
import { join } from 'node:path';
import { isPostgresUrl, openStore } from '../store/open-store.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import type { Store } from '../store/store.ts';

export const SEED_CACHE_MIB = 1024;

export async function openSeedStore(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
}): Promise<Store> {
  if (isPostgresUrl(options.databaseUrl) || (options.databaseUrl ?? '').trim() !== '')
    return openStore(options);
  // The same file openStore uses for SQLite (server/store/open-store.ts).
  return openSqliteStore(join(options.dataDir, 'promptlog.db'), { cacheMiB: SEED_CACHE_MIB });
}
