/**
 * Statement builders for the dashboard's reads: the keyset-paginated list, count, probe and the
 * export batches. Exported so the benchmark can run the very same SQL as its floor.
 */
import type { ListQuery, RequestFilter, SortField, SortOrder } from '../../../contract/api.ts';
import { PROBE_NEW_COUNT_CAP } from '../../../contract/limits.ts';
import { type CursorPosition, decodeCursor, encodeCursor } from '../sql/cursor.ts';
import { and, raw, type Sql, sql } from '../sql/fragment.ts';
import { counterFor, metadataCounterFor, SORT_COLUMNS } from '../sql/rules.ts';
import { SNIPPET_HEAD_CHARS } from '../sql/text-snippet.ts';
import { filterConditions, metadataCondition } from './filter-sql.ts';
import { timeDrivenIds } from './time-plan.ts';

export type Keyset = CursorPosition;
export { decodeCursor, encodeCursor };

function orderBy(sort: SortField, order: SortOrder, alias: string): Sql {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  return raw(`${alias}.${SORT_COLUMNS[sort]} ${dir}, ${alias}.id ${dir}`);
}

function keysetCondition(sort: SortField, order: SortOrder, keyset: Keyset): Sql {
  const column = SORT_COLUMNS[sort];
  const cast = sort === 'cost' ? 'double precision' : 'bigint';
  const op = raw(order === 'asc' ? '>' : '<');
  return sql`(r.${raw(column)}, r.id) ${op} (${keyset.value}::${raw(cast)}, ${keyset.id}::bigint)`;
}

/**
 * The columns of a list row, read from `r` (a page of requests already limited), named as
 * ../sql/rows.ts maps them, with the row's annotations aggregated.
 */
export const ROW_COLUMNS = raw(`r.id, r.provider, r.model, r.status, r.error_type, r.start_ms, r.end_ms,
  r.latency_ms, r.input_tokens, r.output_tokens, r.total_tokens, r.price, r.prompt_name,
  r.prompt_version_number AS prompt_version, r.input_preview, r.output_preview, r.is_tool_call, r.trace_id,
  ARRAY(SELECT t.tag FROM request_tags t WHERE t.request_id = r.id ORDER BY t.tag) AS tags,
  (SELECT coalesce(json_object_agg(m.key, m.value ORDER BY m.key), '{}') FROM request_metadata m
    WHERE m.request_id = r.id) AS metadata,
  (SELECT coalesce(json_object_agg(s.name, s.value ORDER BY s.name), '{}') FROM request_scores s
    WHERE s.request_id = r.id) AS scores`);

/** The extra columns of a detail (everything else about the request). */
export const DETAIL_COLUMNS = raw(`r.function_name, r.api_type, r.error_message, r.prompt_id,
  r.prompt_input_variables, r.group_id, r.parameters, r.input, r.output, r.tool_names, r.span_id`);

/**
 * A page of the list: the matching ids are found and limited first (an index walk for the sort),
 * and only then are annotations gathered for those rows. Asks for limit + 1 rows to know whether
 * there is a next page.
 */
export function listStatement(query: ListQuery, columns: Sql = ROW_COLUMNS): Sql {
  const after = query.cursor ? decodeCursor(query.cursor, query.sort, query.order) : null;
  const conditions = filterConditions(query.filter);
  if (after) conditions.push(keysetCondition(query.sort, query.order, after));
  const order = orderBy(query.sort, query.order, 'r');
  const take = query.limit + 1;
  if (query.sort === 'time') {
    const requestsArm = sql`SELECT r.id AS id, r.start_ms AS sk FROM requests r WHERE ${and(conditions)}
      ORDER BY ${order} LIMIT ${take}`;
    const ids = timeDrivenIds({ filter: query.filter, order: query.order, take, after }, requestsArm);
    if (ids) {
      return sql`SELECT ${columns} FROM (SELECT r.* FROM (${ids}) p JOIN requests r ON r.id = p.id) r ORDER BY ${order}`;
    }
  }
  return sql`SELECT ${columns} FROM (
    SELECT * FROM requests r WHERE ${and(conditions)} ORDER BY ${order} LIMIT ${take}
  ) r ORDER BY ${order}`;
}

/** The keyset of a row as read by listStatement (for the next cursor). */
export function keysetOf(sort: SortField, row: Record<string, unknown>): Keyset {
  return { value: Number(row[SORT_COLUMNS[sort]]), id: Number(row.id) };
}

/** Counts by scanning the matching requests. */
export function fullCountStatement(filter: RequestFilter): Sql {
  return sql`SELECT count(*)::bigint AS total FROM requests r WHERE ${and(filterConditions(filter))}`;
}

/** The count of matching requests (column `total`): from the facet counters when they answer it exactly. */
export function countStatement(filter: RequestFilter): Sql {
  const counter = counterFor(filter);
  const metadata = counter ? null : metadataCounterFor(filter);
  if (metadata)
    return sql`SELECT coalesce(sum(n), 0)::bigint AS total FROM metadata_value_counts c
      WHERE ${metadataCondition(metadata.key, metadata.values, 'c')}`;
  if (!counter) return fullCountStatement(filter);
  const values = counter.values.length > 0 ? sql` AND value = ANY(${counter.values}::text[])` : raw('');
  return sql`SELECT coalesce(sum(n), 0)::bigint AS total FROM facet_counts WHERE kind = ${counter.kind}${values}`;
}

export function probeStatement(after: number, filter: RequestFilter): Sql {
  const conditions = [sql`r.id > ${after}::bigint`, ...filterConditions(filter)];
  return sql`SELECT
    (SELECT coalesce(max(id), 0) FROM requests) AS newest_id,
    (SELECT count(*) FROM (SELECT 1 FROM requests r WHERE ${and(conditions)} LIMIT ${PROBE_NEW_COUNT_CAP}) x) AS new_count,
    (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_seq) AS change_seq`;
}

export function detailStatement(id: number): Sql {
  return sql`SELECT ${ROW_COLUMNS}, ${DETAIL_COLUMNS} FROM requests r WHERE r.id = ${id}::bigint`;
}

/** The ids deleteRequests removes, in batches. */
export function deleteIdsStatement(filter: RequestFilter): Sql {
  return sql`SELECT r.id FROM requests r WHERE ${and(filterConditions(filter))} ORDER BY r.id`;
}

/** The heads of the rows' texts that q's match snippets are cut from (only where q is set). */
export function matchTextStatement(ids: readonly number[]): Sql {
  return sql`SELECT id, left(input_text, ${raw(String(SNIPPET_HEAD_CHARS))}) AS i, left(output_text, ${raw(String(SNIPPET_HEAD_CHARS))}) AS o FROM requests WHERE id = ANY(${ids}::bigint[])`;
}
