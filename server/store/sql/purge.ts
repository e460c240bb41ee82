/**
 * Retention's read of one batch: the oldest requests (after a position) that started before the
 * cutoff, each flagged when it must be kept. Walking the time index from a position means kept
 * requests are looked at once per run, not once per batch.
 */
import type { PurgeBatchInput, PurgeSpansInput } from '../store.ts';
import { type Dialect, INDEX } from './dialect.ts';
import { and, or, raw, type Sql, sql } from './fragment.ts';

/** `SELECT id, start_ms, kept` of one batch, oldest first. */
export function purgeScanSql(dialect: Dialect, input: PurgeBatchInput): Sql {
  const where: Sql[] = [sql`r.start_ms < ${input.beforeMs}`];
  if (input.after) {
    where.push(sql`r.start_ms >= ${input.after.startMs}`);
    where.push(sql`(r.start_ms > ${input.after.startMs} OR r.id > ${input.after.id})`);
  }
  const keep: Sql[] = [];
  if (input.keep.scored) keep.push(raw('EXISTS (SELECT 1 FROM request_scores s WHERE s.request_id = r.id)'));
  if (input.keep.tags.length > 0)
    keep.push(
      sql`EXISTS (SELECT 1 FROM request_tags t WHERE t.request_id = r.id AND ${dialect.inList(raw('t.tag'), input.keep.tags)})`,
    );
  const kept = keep.length === 0 ? raw('0') : sql`CASE WHEN ${or(keep)} THEN 1 ELSE 0 END`;
  return sql`SELECT r.id AS id, r.start_ms AS start_ms, ${kept} AS kept FROM requests r${dialect.forceIndex(INDEX.time)} WHERE ${and(where)} ORDER BY r.start_ms, r.id LIMIT ${Math.max(1, Math.floor(input.scan))}`;
}

/**
 * `SELECT id, start_us, kept` of one batch of spans, oldest first. A trace is kept whole while
 * any request of it is left (a kept request's trace view keeps its agent steps); a request
 * retention deleted no longer holds its trace.
 */
export function purgeSpansScanSql(input: PurgeSpansInput): Sql {
  const where: Sql[] = [sql`s.start_us < ${Math.floor(input.beforeMs) * 1000}`];
  if (input.after) where.push(sql`(s.start_us, s.id) > (${input.after.startUs}, ${input.after.id})`);
  return sql`SELECT s.id AS id, s.start_us AS start_us,
      CASE WHEN EXISTS (SELECT 1 FROM requests r WHERE r.trace_id = s.trace_id) THEN 1 ELSE 0 END AS kept
    FROM spans s WHERE ${and(where)} ORDER BY s.start_us, s.id LIMIT ${Math.max(1, Math.floor(input.scan))}`;
}
