/**
 * Migration step 80: the timeline's hourly rollups (../sql/timeline-plan.ts), filled from the rows
 * already stored. Inserts add to them once per transaction from the adapter (timeline-deltas.ts);
 * deletes (by hand, by filter, by retention) and updates (linkPrompt) go through triggers here.
 *   timeline_rollup / timeline_latency   hour × status × provider × model × prompt (× latency bin)
 *   timeline_dims / timeline_dim_latency  per dimension (all, model, provider, prompt): value × hour
 *                                         × status (× latency bin); small enough that an unfiltered
 *                                         or one-facet timeline reads a few thousand rows
 */
import { DIMENSIONS, HOUR_MS, latencyBinSql } from '../sql/timeline-plan.ts';

const KEYS = 'bucket_ms, status, provider, model, prompt';
const DIM_KEYS = 'kind, value, bucket_ms, status';

const bucket = (row: string) => `${row}.start_ms - ${row}.start_ms % ${HOUR_MS}`;
const prompt = (row: string) => `COALESCE(${row}.prompt_name, '')`;

function keyValues(row: 'new' | 'old'): string {
  return `${bucket(row)}, ${row}.status, ${row}.provider, ${row}.model, ${prompt(row)}`;
}

function keyMatch(row: 'new' | 'old'): string {
  return `bucket_ms = ${bucket(row)} AND status = ${row}.status AND provider = ${row}.provider
    AND model = ${row}.model AND prompt = ${prompt(row)}`;
}

/** (kind, value) of each dimension for a row. */
function dimValues(row: string): [string, string][] {
  const column: Record<(typeof DIMENSIONS)[number], string> = {
    all: "''",
    model: `${row}.model`,
    provider: `${row}.provider`,
    prompt: prompt(row),
  };
  return DIMENSIONS.map((kind) => [`'${kind}'`, column[kind]]);
}

function dimTuples(row: 'new' | 'old', extra: string): string {
  return dimValues(row)
    .map(([kind, value]) => `(${kind}, ${value}, ${bucket(row)}, ${row}.status${extra})`)
    .join(', ');
}

function add(row: 'new'): string {
  const lb = latencyBinSql(`${row}.latency_ms`);
  return `INSERT INTO timeline_rollup (${KEYS}, n, cost) VALUES (${keyValues(row)}, 1, ${row}.price)
    ON CONFLICT (${KEYS}) DO UPDATE SET n = n + 1, cost = cost + excluded.cost;
  INSERT INTO timeline_latency (${KEYS}, lb, n) VALUES (${keyValues(row)}, ${lb}, 1)
    ON CONFLICT (${KEYS}, lb) DO UPDATE SET n = n + 1;
  INSERT INTO timeline_dims (${DIM_KEYS}, n, cost) VALUES ${dimTuples(row, `, 1, ${row}.price`)}
    ON CONFLICT (${DIM_KEYS}) DO UPDATE SET n = n + 1, cost = cost + excluded.cost;
  INSERT INTO timeline_dim_latency (${DIM_KEYS}, lb, n) VALUES ${dimTuples(row, `, ${lb}, 1`)}
    ON CONFLICT (${DIM_KEYS}, lb) DO UPDATE SET n = n + 1;`;
}

function subtract(row: 'old'): string {
  const lb = latencyBinSql(`${row}.latency_ms`);
  const dims = `(${DIM_KEYS}) IN (VALUES ${dimTuples(row, '')})`;
  return `UPDATE timeline_rollup SET n = n - 1, cost = cost - ${row}.price WHERE ${keyMatch(row)};
  DELETE FROM timeline_rollup WHERE ${keyMatch(row)} AND n <= 0;
  UPDATE timeline_latency SET n = n - 1 WHERE ${keyMatch(row)} AND lb = ${lb};
  DELETE FROM timeline_latency WHERE ${keyMatch(row)} AND lb = ${lb} AND n <= 0;
  UPDATE timeline_dims SET n = n - 1, cost = cost - ${row}.price WHERE ${dims};
  DELETE FROM timeline_dims WHERE ${dims} AND n <= 0;
  UPDATE timeline_dim_latency SET n = n - 1 WHERE ${dims} AND lb = ${lb};
  DELETE FROM timeline_dim_latency WHERE ${dims} AND lb = ${lb} AND n <= 0;`;
}

/**
 * The step is idempotent (a database numbered past 80 by a later step still gets it, and it runs
 * on every open): a table is filled from the stored requests only while it holds nothing.
 */
function unfilled(table: string, kind?: string): string {
  return `NOT EXISTS (SELECT 1 FROM ${table}${kind ? ` WHERE kind = ${kind}` : ''})`;
}

function backfillDims(): string {
  const lb = latencyBinSql('r.latency_ms');
  return dimValues('r')
    .map(
      ([kind, value]) => `INSERT INTO timeline_dims (${DIM_KEYS}, n, cost)
  SELECT ${kind}, ${value}, ${bucket('r')}, r.status, count(*), sum(r.price) FROM requests r
  WHERE ${unfilled('timeline_dims', kind)} GROUP BY 2, 3, 4;
INSERT INTO timeline_dim_latency (${DIM_KEYS}, lb, n)
  SELECT ${kind}, ${value}, ${bucket('r')}, r.status, ${lb}, count(*) FROM requests r
  WHERE ${unfilled('timeline_dim_latency', kind)} GROUP BY 2, 3, 4, 5;`,
    )
    .join('\n');
}

const COLUMNS = 'start_ms, end_ms, latency_ms, status, provider, model, prompt_name, price';

export const timelineRollupsSql = `
CREATE TABLE IF NOT EXISTS timeline_rollup (
  bucket_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt TEXT NOT NULL,
  n INTEGER NOT NULL,
  cost REAL NOT NULL,
  PRIMARY KEY (${KEYS})
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timeline_latency (
  bucket_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt TEXT NOT NULL,
  lb INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (${KEYS}, lb)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timeline_dims (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  bucket_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  cost REAL NOT NULL,
  PRIMARY KEY (${DIM_KEYS})
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timeline_dim_latency (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  bucket_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  lb INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (${DIM_KEYS}, lb)
) WITHOUT ROWID;
INSERT INTO timeline_rollup (${KEYS}, n, cost)
  SELECT ${bucket('r')}, r.status, r.provider, r.model, ${prompt('r')}, count(*), sum(r.price)
  FROM requests r WHERE ${unfilled('timeline_rollup')} GROUP BY 1, 2, 3, 4, 5;
INSERT INTO timeline_latency (${KEYS}, lb, n)
  SELECT ${bucket('r')}, r.status, r.provider, r.model, ${prompt('r')}, ${latencyBinSql('r.latency_ms')}, count(*)
  FROM requests r WHERE ${unfilled('timeline_latency')} GROUP BY 1, 2, 3, 4, 5, 6;
${backfillDims()}
CREATE TRIGGER IF NOT EXISTS requests_timeline_delete AFTER DELETE ON requests BEGIN
  ${subtract('old')}
END;
CREATE TRIGGER IF NOT EXISTS requests_timeline_update AFTER UPDATE OF ${COLUMNS} ON requests BEGIN
  ${subtract('old')}
  ${add('new')}
END;
`;
