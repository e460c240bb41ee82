/**
 * Migration 80: the timeline's hourly rollups (../sql/timeline-plan.ts), kept like facet_counts
 * by statement-level triggers over the transition tables, in a few shards by backend so
 * concurrent ingest never queues on one hot row, and filled from the rows already stored.
 * Rows whose count drops to zero stay (reads sum them; bounds skip them).
 */
import { HOUR_MS, latencyBinSql } from '../sql/timeline-plan.ts';

/** Fewer than facet_counts: a timeline read sums every shard of every hour it covers. */
export const TIMELINE_SHARDS = 4;

const KEYS = 'bucket_ms, status, provider, model, prompt';
const SHARD = `(pg_backend_pid() % ${TIMELINE_SHARDS})::smallint`;

function keyOf(table: string): string {
  return `${table}.start_ms - ${table}.start_ms % ${HOUR_MS} AS bucket_ms, ${table}.status, ${table}.provider, ${table}.model, coalesce(${table}.prompt_name, '') AS prompt`;
}

function deltas(
  op: 'INSERT' | 'DELETE' | 'UPDATE',
  measures: (table: string, sign: string) => string,
): string {
  const sides: [string, string][] =
    op === 'INSERT'
      ? [['new_rows', '1']]
      : op === 'DELETE'
        ? [['old_rows', '-1']]
        : [
            ['new_rows', '1'],
            ['old_rows', '-1'],
          ];
  return sides
    .map(([table, sign]) => `SELECT ${keyOf(table)}, ${measures(table, sign)} FROM ${table}`)
    .join(' UNION ALL ');
}

function trigger(op: 'INSERT' | 'DELETE' | 'UPDATE'): string {
  const fn = `requests_timeline_${op.toLowerCase()}`;
  const referencing =
    op === 'INSERT'
      ? 'NEW TABLE AS new_rows'
      : op === 'DELETE'
        ? 'OLD TABLE AS old_rows'
        : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
  const counts = deltas(op, (t, sign) => `${sign}::bigint AS n, ${sign} * ${t}.price AS cost`);
  const bins = deltas(op, (t, sign) => `${latencyBinSql(`${t}.latency_ms`)} AS lb, ${sign}::bigint AS n`);
  return `
CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO timeline_rollup AS x (${KEYS}, shard, n, cost)
  SELECT ${KEYS}, ${SHARD}, sum(n), sum(cost) FROM (${counts}) d
  GROUP BY ${KEYS} HAVING sum(n) <> 0 ORDER BY ${KEYS}
  ON CONFLICT (${KEYS}, shard) DO UPDATE SET n = x.n + excluded.n, cost = x.cost + excluded.cost;
  INSERT INTO timeline_latency AS x (${KEYS}, lb, shard, n)
  SELECT ${KEYS}, lb, ${SHARD}, sum(n) FROM (${bins}) d
  GROUP BY ${KEYS}, lb HAVING sum(n) <> 0 ORDER BY ${KEYS}, lb
  ON CONFLICT (${KEYS}, lb, shard) DO UPDATE SET n = x.n + excluded.n;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER ${fn} AFTER ${op} ON requests REFERENCING ${referencing}
  FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;
}

export const timelineRollupsSql = `
CREATE TABLE timeline_rollup (
  bucket_ms bigint NOT NULL,
  status text COLLATE "C" NOT NULL,
  provider text COLLATE "C" NOT NULL,
  model text COLLATE "C" NOT NULL,
  prompt text COLLATE "C" NOT NULL,
  shard smallint NOT NULL,
  n bigint NOT NULL,
  cost double precision NOT NULL,
  PRIMARY KEY (${KEYS}, shard)
);
CREATE TABLE timeline_latency (
  bucket_ms bigint NOT NULL,
  status text COLLATE "C" NOT NULL,
  provider text COLLATE "C" NOT NULL,
  model text COLLATE "C" NOT NULL,
  prompt text COLLATE "C" NOT NULL,
  lb smallint NOT NULL,
  shard smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (${KEYS}, lb, shard)
);
LOCK TABLE requests IN SHARE MODE;
INSERT INTO timeline_rollup (${KEYS}, shard, n, cost)
  SELECT ${KEYS}, 0, count(*), sum(price) FROM (SELECT ${keyOf('r')}, r.price FROM requests r) d GROUP BY ${KEYS};
INSERT INTO timeline_latency (${KEYS}, lb, shard, n)
  SELECT ${KEYS}, lb, 0, count(*) FROM (SELECT ${keyOf('r')}, ${latencyBinSql('r.latency_ms')} AS lb FROM requests r) d
  GROUP BY ${KEYS}, lb;
${trigger('INSERT')}
${trigger('DELETE')}
${trigger('UPDATE')}
`;
