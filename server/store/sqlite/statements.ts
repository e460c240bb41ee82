/** Prepared-statement cache and fragment execution for better-sqlite3. */
import type Database from 'better-sqlite3';
import { renderSql, type Sql } from '../sql/fragment.ts';
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
