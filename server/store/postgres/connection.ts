/**
 * The pool and its health: migrations are applied on first contact (retried in the background
 * while the database is down), and every query failing for want of a database becomes a
 * DatabaseUnavailableError (503) instead of a crash. pg.Pool opens fresh connections on demand,
 * so once PostgreSQL is back the next request simply works.
 */
import pg from 'pg';
import { QueryTimeoutError } from '../errors.ts';
import { raw, renderSql, type Sql } from '../sql/fragment.ts';
import { typedPlaceholder } from './dialect.ts';
import { describeTarget, isConnectionFailure, translateError } from './errors.ts';
import { migrate } from './migrate.ts';

export interface ConnectionOptions {
  /** Connections in the pool; default PROMPTLOG_PG_POOL_SIZE or 10. */
  poolSize?: number;
  /** Where warnings about the database's availability go; default console.error. */
  log?: (message: string) => void;
  /** How often to retry migrations while the database is unreachable. */
  retryMs?: number;
  /** How long to wait for a connection before answering 503. */
  connectTimeoutMs?: number;
  /** statement_timeout of user-built reads (search, list, count, probe); default 10 s. */
  readTimeoutMs?: number;
}

export const DEFAULT_POOL_SIZE = 10;

export function poolSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PROMPTLOG_PG_POOL_SIZE;
  if (raw === undefined || raw === '') return DEFAULT_POOL_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new Error(`PROMPTLOG_PG_POOL_SIZE must be an integer from 1 to 1000, got '${raw}'`);
  }
  return size;
}

export type Row = Record<string, unknown>;

export class Connection {
  readonly pool: pg.Pool;
  readonly target: string;
  private readonly log: (message: string) => void;
  private readonly retryMs: number;
  readonly readTimeoutMs: number;
  private migrated = false;
  private migrating: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private reportedDown = false;

  constructor(url: string, options: ConnectionOptions = {}) {
    this.target = describeTarget(url);
    this.log = options.log ?? ((message) => console.error(message));
    this.retryMs = options.retryMs ?? 2000;
    this.readTimeoutMs = options.readTimeoutMs ?? 10_000;
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? poolSizeFromEnv(),
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: 'promptlog',
    });
    // An idle connection dying (database restart) must not take the process down.
    this.pool.on('error', (error) => this.reportDown(error));
    // Pages are small LIMIT reads: starting parallel workers costs more than it saves, and on a
    // small machine they compete with the API process itself.
    this.pool.on('connect', (client) => {
      client.query('SET max_parallel_workers_per_gather = 0').catch(() => undefined);
    });
  }

  /**
   * Tries to migrate once. A database that is down is reported and retried in the background
   * (the server keeps running and answers 503 meanwhile); any other failure is thrown.
   */
  async start(): Promise<void> {
    try {
      await this.ready();
    } catch (error) {
      if (
        !isConnectionFailure(error) &&
        !(error instanceof Error && error.name === 'DatabaseUnavailableError')
      )
        throw error;
      this.scheduleRetry();
    }
  }

  get isReady(): boolean {
    return this.migrated;
  }

  /** Resolves once migrations are applied; throws DatabaseUnavailableError while the database is down. */
  async ready(): Promise<void> {
    if (this.migrated) return;
    if (this.closed) throw new Error('the PostgreSQL store is closed');
    this.migrating ??= migrate(this.pool)
      .then(() => {
        this.migrated = true;
        if (this.reportedDown) this.log(`promptlog: PostgreSQL at ${this.target} is reachable again`);
        this.reportedDown = false;
      })
      .finally(() => {
        this.migrating = null;
      });
    try {
      await this.migrating;
    } catch (error) {
      if (isConnectionFailure(error)) this.reportDown(error);
      translateError(error, this.target);
    }
  }

  private reportDown(error: unknown): void {
    if (this.reportedDown || this.closed) return;
    this.reportedDown = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.log(
      `promptlog: PostgreSQL at ${this.target} is unreachable (${reason}); answering 503 until it is back`,
    );
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setInterval(() => {
      this.ready().then(
        () => this.stopRetry(),
        () => undefined,
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }

  private stopRetry(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
  }

  /** Runs one statement; a `name` makes it a prepared statement (for statements whose text never varies). */
  async query<T extends Row = Row>(fragment: Sql, name?: string): Promise<pg.QueryResult<T>> {
    await this.ready();
    try {
      return await this.pool.query<T>(name ? { ...toConfig(fragment), name } : toConfig(fragment));
    } catch (error) {
      if (isConnectionFailure(error)) {
        this.reportDown(error);
        this.scheduleRecoveryNotice();
      }
      return translateError(error, this.target);
    }
  }

  /**
   * A user-built read under a statement_timeout: PostgreSQL cancels it past the limit and the
   * route answers 503 query_timeout. SET LOCAL keeps the limit inside this transaction (safe
   * behind a transaction-pooling PgBouncer).
   */
  async timedRead<T extends Row = Row>(fragment: Sql): Promise<pg.QueryResult<T>> {
    const limitMs = Math.max(1, Math.floor(this.readTimeoutMs));
    try {
      return await this.transaction(async (run) => {
        await run(raw(`SET LOCAL statement_timeout = ${limitMs}`));
        return run<T>(fragment);
      });
    } catch (error) {
      // query_canceled: the statement_timeout stopped it.
      if ((error as { code?: unknown }).code === '57014') throw new QueryTimeoutError(limitMs);
      throw error;
    }
  }

  /** Runs `work` in one transaction on one connection. */
  async transaction<T>(
    work: (run: <R extends Row = Row>(fragment: Sql) => Promise<pg.QueryResult<R>>) => Promise<T>,
  ): Promise<T> {
    await this.ready();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      return translateError(error, this.target);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work((fragment) => client.query(toConfig(fragment)));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isConnectionFailure(error)) broken = true;
      else
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
      return translateError(error, this.target);
    } finally {
      client.release(broken);
    }
  }

  /** After an outage seen by a query, say so once the database answers again. */
  private scheduleRecoveryNotice(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setInterval(() => {
      this.pool.query('SELECT 1').then(
        () => {
          this.stopRetry();
          if (this.reportedDown) this.log(`promptlog: PostgreSQL at ${this.target} is reachable again`);
          this.reportedDown = false;
        },
        () => undefined,
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }

  /** Drains: waits for checked-out clients to be released, then closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopRetry();
    await this.pool.end();
  }
}

export function toConfig(fragment: Sql): pg.QueryConfig {
  return {
    text: renderSql(fragment, (i) => typedPlaceholder(i, fragment.params[i - 1])),
    values: [...fragment.params],
  };
}
