export type { SqliteOptions } from './open-database.ts';
export { openSqliteStore, SqliteStore } from './sqlite-store.ts';
