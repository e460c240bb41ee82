/**
 * The store's numbers, read from Store.runtimeStats() at each scrape, and store errors counted as
 * they pass through Fastify (database unavailable, SQLite and PostgreSQL errors, by code).
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Store, StoreRuntimeStats, WalStats } from '../store/store.ts';

type Setter = (stats: StoreRuntimeStats) => void;

function gauge(
  registry: Registry,
  name: string,
  help: string,
  read: (stats: StoreRuntimeStats) => number | undefined,
): Setter {
  const metric = new Gauge({ name, help, registers: [registry] });
  return (stats) => {
    const value = read(stats);
    if (value !== undefined) metric.set(value);
  };
}

/** A running total the store keeps itself: exposed as a counter holding the store's value. */
function total(registry: Registry, name: string, help: string, read: (wal: WalStats) => number): Setter {
  const metric = new Counter({ name, help, registers: [registry] });
  return (stats) => {
    if (!stats.wal) return;
    metric.reset();
    metric.inc(read(stats.wal));
  };
}

function walMetrics(registry: Registry): Setter[] {
  return [
    gauge(
      registry,
      'promptlog_sqlite_wal_bytes',
      'Size of the SQLite write-ahead log file.',
      (s) => s.wal?.walFileBytes,
    ),
    gauge(
      registry,
      'promptlog_sqlite_wal_in_use_bytes',
      'Bytes of the WAL written since it last started over.',
      (s) => s.wal?.walLogBytes,
    ),
    gauge(
      registry,
      'promptlog_sqlite_wal_high_water_bytes',
      'Largest WAL file size since the server started.',
      (s) => s.wal?.walFileHighWaterBytes,
    ),
    gauge(
      registry,
      'promptlog_sqlite_last_checkpoint_timestamp_seconds',
      'When a checkpoint last copied every WAL frame into the database (Unix time; 0 = not yet).',
      (s) => (s.wal ? s.wal.lastCompleteCheckpointMs / 1000 : undefined),
    ),
    gauge(
      registry,
      'promptlog_sqlite_write_hold_max_seconds',
      'Longest time new writes were held for a WAL restart.',
      (s) => (s.wal ? s.wal.holdMsMax / 1000 : undefined),
    ),
    total(registry, 'promptlog_sqlite_checkpoints_total', 'Checkpoint passes run.', (w) => w.checkpoints),
    total(
      registry,
      'promptlog_sqlite_wal_restarts_total',
      'Times the WAL started over from its beginning under load.',
      (w) => w.restarts,
    ),
    total(
      registry,
      'promptlog_sqlite_wal_truncates_total',
      'Times the WAL file was truncated to zero once writes stopped.',
      (w) => w.truncates,
    ),
    total(
      registry,
      'promptlog_sqlite_write_holds_total',
      'Times new writes were held for a WAL restart or truncate.',
      (w) => w.holds,
    ),
    total(
      registry,
      'promptlog_sqlite_write_hold_seconds_total',
      'Total time new writes were held.',
      (w) => w.holdMsTotal / 1000,
    ),
    total(registry, 'promptlog_sqlite_checkpoint_errors_total', 'Checkpoints that failed.', (w) => w.errors),
  ];
}

function poolMetrics(registry: Registry): Setter[] {
  return [
    gauge(
      registry,
      'promptlog_pg_pool_max_connections',
      'Most connections this process opens to PostgreSQL.',
      (s) => s.pool?.max,
    ),
    gauge(
      registry,
      'promptlog_pg_pool_connections',
      'Connections open to PostgreSQL (busy and idle).',
      (s) => s.pool?.total,
    ),
    gauge(
      registry,
      'promptlog_pg_pool_idle_connections',
      'Open connections not running a query.',
      (s) => s.pool?.idle,
    ),
    gauge(
      registry,
      'promptlog_pg_pool_waiting_clients',
      'Queries waiting for a free connection.',
      (s) => s.pool?.waiting,
    ),
  ];
}

/** The error's store code, or null when it did not come from the database. */
function storeErrorCode(error: Error): string | null {
  if (
    error.name === 'DatabaseUnavailableError' ||
    (error as { code?: unknown }).code === 'database_unavailable'
  )
    return 'database_unavailable';
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (error.name === 'SqliteError' || code.startsWith('SQLITE_')) return code;
  // pg's DatabaseError carries the server's SQLSTATE (five characters) and a severity.
  if ('severity' in error && /^[0-9A-Z]{5}$/.test(code)) return `pg_${code}`;
  return null;
}

/** Returns the function that refreshes the store's gauges; call it before each scrape. */
export function installStoreMetrics(app: FastifyInstance, registry: Registry, store: Store): () => void {
  const setters = [
    gauge(
      registry,
      'promptlog_ingest_queue_depth',
      'Logged requests waiting for their group commit.',
      (s) => s.ingestQueueDepth,
    ),
    ...(store.kind === 'sqlite' ? walMetrics(registry) : poolMetrics(registry)),
  ];
  const errors = new Counter({
    name: 'promptlog_store_errors_total',
    help: 'Requests that failed in the database, by error code.',
    labelNames: ['code'],
    registers: [registry],
  });
  app.addHook('onError', (_request, _reply, error, done) => {
    const code = storeErrorCode(error);
    if (code !== null) errors.inc({ code });
    done();
  });
  return () => {
    const stats = store.runtimeStats();
    for (const set of setters) set(stats);
  };
}
