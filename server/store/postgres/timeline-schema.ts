/**
 * Migration 80: the timeline's hourly rollups (../sql/timeline-plan.ts; the SQLite step describes
 * the four tables), kept like facet_counts by statement-level triggers over the transition
 * tables, in a few shards by backend so concurrent ingest never queues on one hot row, and filled
 * from the rows already stored. Rows whose count drops to zero stay (reads sum them; the bounds
 * skip them).
 */
import { DIMENSIONS, HOUR_MS, latencyBinSql } from '../sql/timeline-plan.ts';

/** Fewer than facet_counts: a timeline read sums every shard of every hour it covers. */
export const TIMELINE_SHARDS = 4;

const KEYS = 'bucket_ms, status, provider, model, prompt';
const DIM_KEYS = 'kind, value, bucket_ms, status';
const SHARD = `(pg_backend_pid() % ${TIMELINE_SHARDS})::smallint`;

type Op = 'INSERT' | 'DELETE' | 'UPDATE';

const bucket = (t: string) => `${t}.start_ms - ${t}.start_ms % ${HOUR_MS}`;
const prompt = (t: string) => `coalesce(${t}.prompt_name, '')`;

function crossKey(t: string): string {
  return `${bucket(t)} AS bucket_ms, ${t}.status, ${t}.provider, ${t}.model, ${prompt(t)} AS prompt`;
}

function dimKeys(t: string): string[] {
  const value: Record<(typeof DIMENSIONS)[number], string> = {
    all: "''",
    model: `${t}.model`,
    provider: `${t}.provider`,
    prompt: prompt(t),
  };
  return DIMENSIONS.map(
    (kind) =>
      `'${kind}'::text AS kind, ${value[kind]}::text AS value, ${bucket(t)} AS bucket_ms, ${t}.status`,
  );
}

function sides(op: Op): [string, string][] {
  if (op === 'INSERT') return [['new_rows', '1']];
  if (op === 'DELETE') return [['old_rows', '-1']];
  return [
    ['new_rows', '1'],
    ['old_rows', '-1'],
  ];
}

function deltas(
  op: Op,
  keys: (t: string) => string[],
  measures: (t: string, sign: string) => string,
): string {
  return sides(op)
    .flatMap(([t, sign]) => keys(t).map((key) => `SELECT ${key}, ${measures(t, sign)} FROM ${t}`))
    .join(' UNION ALL ');
}

const countsOf = (t: string, sign: string) => `${sign}::bigint AS n, ${sign} * ${t}.price AS cost`;
const binsOf = (t: string, sign: string) => `${latencyBinSql(`${t}.latency_ms`)} AS lb, ${sign}::bigint AS n`;

function upsertCounts(table: string, keys: string, source: string): string {
  return `INSERT INTO ${table} AS x (${keys}, shard, n, cost)
  SELECT ${keys}, ${SHARD}, sum(n), sum(cost) FROM (${source}) d
  GROUP BY ${keys} HAVING sum(n) <> 0 ORDER BY ${keys}
  ON CONFLICT (${keys}, shard) DO UPDATE SET n = x.n + excluded.n, cost = x.cost + excluded.cost;`;
}

function upsertBins(table: string, keys: string, source: string): string {
  return `INSERT INTO ${table} AS x (${keys}, lb, shard, n)
  SELECT ${keys}, lb, ${SHARD}, sum(n) FROM (${source}) d
  GROUP BY ${keys}, lb HAVING sum(n) <> 0 ORDER BY ${keys}, lb
  ON CONFLICT (${keys}, lb, shard) DO UPDATE SET n = x.n + excluded.n;`;
}

function trigger(op: Op): string {
  const fn = `requests_timeline_${op.toLowerCase()}`;
  const referencing =
    op === 'INSERT'
      ? 'NEW TABLE AS new_rows'
      : op === 'DELETE'
        ? 'OLD TABLE AS old_rows'
        : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
  const cross = (t: string) => [crossKey(t)];
  return `
CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${upsertCounts('timeline_rollup', KEYS, deltas(op, cross, countsOf))}
  ${upsertBins('timeline_latency', KEYS, deltas(op, cross, binsOf))}
  ${upsertCounts('timeline_dims', DIM_KEYS, deltas(op, dimKeys, countsOf))}
  ${upsertBins('timeline_dim_latency', DIM_KEYS, deltas(op, dimKeys, binsOf))}
  RETURN NULL;
END
$fn$;
CREATE TRIGGER ${fn} AFTER ${op} ON requests REFERENCING ${referencing}
  FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;
}

function backfill(): string {
  const all = (keys: (t: string) => string[], measures: (t: string) => string) =>
    keys('r')
      .map((key) => `SELECT ${key}, ${measures('r')} FROM requests r`)
      .join(' UNION ALL ');
  const cross = (t: string) => [crossKey(t)];
  const counts = (t: string) => `1::bigint AS n, ${t}.price AS cost`;
  const bins = (t: string) => `${latencyBinSql(`${t}.latency_ms`)} AS lb, 1::bigint AS n`;
  const fill = (table: string, keys: string, source: string, withBins: boolean) =>
    withBins
      ? `INSERT INTO ${table} (${keys}, lb, shard, n) SELECT ${keys}, lb, 0, sum(n) FROM (${source}) d GROUP BY ${keys}, lb;`
      : `INSERT INTO ${table} (${keys}, shard, n, cost) SELECT ${keys}, 0, sum(n), sum(cost) FROM (${source}) d GROUP BY ${keys};`;
  return [
    fill('timeline_rollup', KEYS, all(cross, counts), false),
    fill('timeline_latency', KEYS, all(cross, bins), true),
    fill('timeline_dims', DIM_KEYS, all(dimKeys, counts), false),
    fill('timeline_dim_latency', DIM_KEYS, all(dimKeys, bins), true),
  ].join('\n');
}

const crossColumns = `bucket_ms bigint NOT NULL,
  status text COLLATE "C" NOT NULL,
  provider text COLLATE "C" NOT NULL,
  model text COLLATE "C" NOT NULL,
  prompt text COLLATE "C" NOT NULL,`;
const dimColumns = `kind text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  bucket_ms bigint NOT NULL,
  status text COLLATE "C" NOT NULL,`;

export const timelineRollupsSql = `
CREATE TABLE timeline_rollup (
  ${crossColumns}
  shard smallint NOT NULL,
  n bigint NOT NULL,
  cost double precision NOT NULL,
  PRIMARY KEY (${KEYS}, shard)
);
CREATE TABLE timeline_latency (
  ${crossColumns}
  lb smallint NOT NULL,
  shard smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (${KEYS}, lb, shard)
);
CREATE TABLE timeline_dims (
  ${dimColumns}
  shard smallint NOT NULL,
  n bigint NOT NULL,
  cost double precision NOT NULL,
  PRIMARY KEY (${DIM_KEYS}, shard)
);
CREATE TABLE timeline_dim_latency (
  ${dimColumns}
  lb smallint NOT NULL,
  shard smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (${DIM_KEYS}, lb, shard)
);
LOCK TABLE requests IN SHARE MODE;
${backfill()}
${trigger('INSERT')}
${trigger('DELETE')}
${trigger('UPDATE')}
`;
