/** Prepared-statement cache and fragment execution for better-sqlite3. */
import type Database from 'better-sqlite3';
import { renderSql, type Sql } from '../sql/fragment.ts';
import type { TransactionalRunner } from '../sql/queue-store.ts';
import type { DbRow } from '../sql/rows.ts';

const MAX_CACHED = 512;

export class Statements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  prepare(text: string): Database.Statement {
    let statement = this.cache.get(text);
    if (!statement) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      statement = this.db.prepare(text);
      this.cache.set(text, statement);
    }
    return statement;
  }

  all(fragment: Sql): DbRow[] {
    return this.prepare(renderSql(fragment, () => '?')).all(...fragment.params) as DbRow[];
  }

  get(fragment: Sql): DbRow | undefined {
    return this.prepare(renderSql(fragment, () => '?')).get(...fragment.params) as DbRow | undefined;
  }

  run(fragment: Sql): Database.RunResult {
    return this.prepare(renderSql(fragment, () => '?')).run(...fragment.params);
  }
}

/**
 * A SqlRunner with transactions spanning awaits, for store code shared with PostgreSQL
 * (sql/queue-store.ts). Transactions run one after another; their statements are synchronous,
 * so between BEGIN and COMMIT only already-queued promise callbacks can run, never I/O or timers
 * (the insert queue flushes from a timer).
 */
export function sqliteTransactions(db: Database.Database, statements: Statements): TransactionalRunner {
  const runner = {
    rows: async (fragment: Sql) => statements.all(fragment),
    run: async (fragment: Sql) => statements.run(fragment).changes,
  };
  let tail: Promise<unknown> = Promise.resolve();
  // `work` may await only these (synchronous) statements: anything truly asynchronous would let
  // another write run inside this transaction (SqliteStore.write refuses to, loudly).
  const transaction = <T>(work: (tx: typeof runner) => Promise<T>): Promise<T> => {
    const result = tail.then(async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const value = await work(runner);
        db.exec('COMMIT');
        return value;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
    tail = result.catch(() => undefined);
    return result;
  };
  return { ...runner, transaction };
}
