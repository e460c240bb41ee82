/**
 * Migration step 80: the timeline's hourly rollups (../sql/timeline-plan.ts), kept by triggers on
 * requests so every write path (ingest, bulk load, linkPrompt, deletes, retention) keeps them
 * exact, and filled from the rows already stored.
 */
import { HOUR_MS, latencyBinSql } from '../sql/timeline-plan.ts';

const KEYS = 'bucket_ms, status, provider, model, prompt';

function keyValues(row: 'new' | 'old'): string {
  return `${row}.start_ms - ${row}.start_ms % ${HOUR_MS}, ${row}.status, ${row}.provider, ${row}.model, COALESCE(${row}.prompt_name, '')`;
}

function keyMatch(row: 'new' | 'old'): string {
  return `bucket_ms = ${row}.start_ms - ${row}.start_ms % ${HOUR_MS} AND status = ${row}.status AND provider = ${row}.provider
    AND model = ${row}.model AND prompt = COALESCE(${row}.prompt_name, '')`;
}

function add(row: 'new'): string {
  return `INSERT INTO timeline_rollup (${KEYS}, n, cost) VALUES (${keyValues(row)}, 1, ${row}.price)
    ON CONFLICT (${KEYS}) DO UPDATE SET n = n + 1, cost = cost + excluded.cost;
  INSERT INTO timeline_latency (${KEYS}, lb, n) VALUES (${keyValues(row)}, ${latencyBinSql(`${row}.latency_ms`)}, 1)
    ON CONFLICT (${KEYS}, lb) DO UPDATE SET n = n + 1;`;
}

function subtract(row: 'old'): string {
  const lb = latencyBinSql(`${row}.latency_ms`);
  return `UPDATE timeline_rollup SET n = n - 1, cost = cost - ${row}.price WHERE ${keyMatch(row)};
  DELETE FROM timeline_rollup WHERE ${keyMatch(row)} AND n <= 0;
  UPDATE timeline_latency SET n = n - 1 WHERE ${keyMatch(row)} AND lb = ${lb};
  DELETE FROM timeline_latency WHERE ${keyMatch(row)} AND lb = ${lb} AND n <= 0;`;
}

const COLUMNS = 'start_ms, end_ms, latency_ms, status, provider, model, prompt_name, price';

export const timelineRollupsSql = `
CREATE TABLE timeline_rollup (
  bucket_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt TEXT NOT NULL,
  n INTEGER NOT NULL,
  cost REAL NOT NULL,
  PRIMARY KEY (${KEYS})
) WITHOUT ROWID;
CREATE TABLE timeline_latency (
  bucket_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt TEXT NOT NULL,
  lb INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (${KEYS}, lb)
) WITHOUT ROWID;
INSERT INTO timeline_rollup (${KEYS}, n, cost)
  SELECT start_ms - start_ms % ${HOUR_MS}, status, provider, model, COALESCE(prompt_name, ''), count(*), sum(price)
  FROM requests GROUP BY 1, 2, 3, 4, 5;
INSERT INTO timeline_latency (${KEYS}, lb, n)
  SELECT start_ms - start_ms % ${HOUR_MS}, status, provider, model, COALESCE(prompt_name, ''),
    ${latencyBinSql('latency_ms')}, count(*)
  FROM requests GROUP BY 1, 2, 3, 4, 5, 6;
CREATE TRIGGER requests_timeline_insert AFTER INSERT ON requests BEGIN
  ${add('new')}
END;
CREATE TRIGGER requests_timeline_delete AFTER DELETE ON requests BEGIN
  ${subtract('old')}
END;
CREATE TRIGGER requests_timeline_update AFTER UPDATE OF ${COLUMNS} ON requests BEGIN
  ${subtract('old')}
  ${add('new')}
END;
`;
