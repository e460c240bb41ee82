/**
 * The time-sorted list page when the filter names tags, metadata or scores. Those live in side
 * tables that carry the request's start time and are indexed by (value…, start_ms, request_id),
 * so the page can be read newest-first straight from the side table's index, stopping after
 * limit + 1 matches, instead of fetching every matching request and sorting it.
 *
 * Which part of the filter drives is decided inside the statement, from estimates it computes
 * first (trigger-kept counters; for score ranges an index count capped at ESTIMATE_CAP): each alternative is a UNION ALL
 * branch behind a one-time filter, so PostgreSQL runs only the chosen one. The alternative
 * "requests" is the plain query over requests, where PostgreSQL's planner picks the index
 * (model/provider/status/prompt + time, or time alone).
 */
import type { ListQuery, RequestFilter } from '../../../contract/api.ts';
import { and, join, raw, type Sql, sql } from '../sql/fragment.ts';
import { ESTIMATE_CAP, FACET_KIND, filterColumns } from '../sql/rules.ts';
import { filterConditions, METADATA_INDEX_CHARS, metadataCondition } from './filter-sql.ts';

export interface PageShape {
  filter: RequestFilter;
  order: ListQuery['order'];
  /** Rows to read: the page size + 1. */
  take: number;
  after: { value: number; id: number } | null;
}

type Driver =
  | { kind: 'tag'; values: string[] }
  | { kind: 'meta'; index: number; key: string; values: string[] }
  | { kind: 'score'; index: number; name: string; min: number; max: number };

function driversOf(filter: RequestFilter): Driver[] {
  const drivers: Driver[] = [];
  if (filter.tags.length > 0) drivers.push({ kind: 'tag', values: [...new Set(filter.tags)] });
  filter.metadata.forEach(({ key, values }, index) => {
    drivers.push({ kind: 'meta', index, key, values: [...new Set(values)] });
  });
  filter.scores.forEach(({ name, min, max }, index) => {
    drivers.push({ kind: 'score', index, name, min: min ?? 0, max: max ?? 100 });
  });
  return drivers;
}

const N = raw(String(METADATA_INDEX_CHARS));

function estimate(driver: Driver): Sql {
  switch (driver.kind) {
    case 'tag':
      return sql`(SELECT coalesce(sum(n), 0) FROM facet_counts WHERE kind = 'tag' AND value = ANY(${driver.values}::text[]))`;
    case 'meta': {
      const prefixes = [...new Set(driver.values.map((v) => v.slice(0, METADATA_INDEX_CHARS)))];
      return sql`(SELECT coalesce(sum(n), 0) FROM metadata_value_counts WHERE key = ${driver.key}
        AND left(value, ${N}) = ANY(${prefixes}::text[]))`;
    }
    case 'score':
      return sql`(SELECT count(*) FROM (SELECT 1 FROM request_scores WHERE name = ${driver.name}
        AND value BETWEEN ${driver.min} AND ${driver.max} LIMIT ${ESTIMATE_CAP}) x)`;
  }
}

/** The same filter without the part a driver already applies, nor the time range (applied on the driver's start_ms). */
function restOf(filter: RequestFilter, driver: Driver): RequestFilter {
  const rest: RequestFilter = { ...filter, from: undefined, to: undefined };
  if (driver.kind === 'tag') rest.tags = [];
  if (driver.kind === 'meta') rest.metadata = filter.metadata.filter((_, i) => i !== driver.index);
  if (driver.kind === 'score') rest.scores = filter.scores.filter((_, i) => i !== driver.index);
  return rest;
}

/** One ordered, limited read of (id, sk) driven by one value of a side table. */
function sideArm(shape: PageShape, driver: Driver, match: Sql, table: string): Sql {
  const dir = shape.order === 'asc' ? 'ASC' : 'DESC';
  const where: Sql[] = [match];
  if (shape.filter.from !== undefined) where.push(sql`d.start_ms >= ${shape.filter.from}`);
  if (shape.filter.to !== undefined) where.push(sql`d.start_ms < ${shape.filter.to}`);
  if (shape.after) {
    const op = raw(shape.order === 'asc' ? '>' : '<');
    where.push(
      sql`(d.start_ms, d.request_id) ${op} (${shape.after.value}::bigint, ${shape.after.id}::bigint)`,
    );
  }
  const rest = filterConditions(restOf(shape.filter, driver));
  const from =
    rest.length === 0
      ? raw(`${table} d`)
      : sql`${raw(table)} d JOIN requests r ON r.id = d.request_id AND ${and(rest)}`;
  return sql`(SELECT d.request_id AS id, d.start_ms AS sk FROM ${from} WHERE ${and(where)}
    ORDER BY d.start_ms ${raw(dir)}, d.request_id ${raw(dir)} LIMIT ${shape.take})`;
}

function driverArms(shape: PageShape, driver: Driver): Sql[] {
  switch (driver.kind) {
    case 'tag':
      return driver.values.map((value) => sideArm(shape, driver, sql`d.tag = ${value}`, 'request_tags'));
    case 'meta':
      return driver.values.map((value) => {
        const m = metadataCondition(driver.key, [value], 'd');
        return sideArm(shape, driver, m, 'request_metadata');
      });
    case 'score':
      return [
        sideArm(
          shape,
          driver,
          sql`d.name = ${driver.name} AND d.value BETWEEN ${driver.min} AND ${driver.max}`,
          'request_scores',
        ),
      ];
  }
}

/** Merges per-value arms (a request may match two values: UNION drops the duplicate). */
function merged(arms: Sql[], shape: PageShape): Sql {
  if (arms.length === 1) return arms[0] as Sql;
  const dir = raw(shape.order === 'asc' ? 'ASC' : 'DESC');
  return sql`(SELECT id, sk FROM (${join(arms, ' UNION ')}) u ORDER BY sk ${dir}, id ${dir} LIMIT ${shape.take})`;
}

/**
 * (id, sk) of one page in time order, or null when the filter has no tag, metadata or score
 * part (then the plain query over requests is best).
 */
export function timeDrivenIds(shape: PageShape, requestsArm: Sql): Sql | null {
  const drivers = driversOf(shape.filter);
  if (drivers.length === 0) return null;
  const estimates = drivers.map(estimate);
  // A trace holds a handful of requests: with a trace filter the requests query always drives.
  if ((shape.filter.traceIds?.length ?? 0) > 0) return null;
  const columnEstimates = filterColumns(shape.filter).flatMap(([column, values]) =>
    values.length > 0
      ? [
          sql`(SELECT coalesce(sum(n), 0) FROM facet_counts WHERE kind = ${FACET_KIND[column]} AND value = ANY(${values}::text[]))`,
        ]
      : [],
  );
  // choice: 0 = requests, i + 1 = drivers[i]; the smallest estimate wins, requests on ties.
  const all = [
    ...columnEstimates.map((e) => ({ choice: 0, e })),
    ...estimates.map((e, i) => ({ choice: i + 1, e })),
  ];
  const values = join(
    all.map(({ choice, e }) => sql`(${raw(String(choice))}, ${e})`),
    ', ',
  );
  // Computed once (a materialised CTE), read by every branch's one-time filter.
  const choose = raw('(SELECT c FROM choice)');
  const branches = [
    sql`SELECT id, sk FROM (${requestsArm}) a0 WHERE ${choose} = 0`,
    ...drivers.map(
      (driver, i) => sql`SELECT id, sk FROM ${merged(driverArms(shape, driver), shape)} ${raw(`a${i + 1}`)}
        WHERE ${choose} = ${raw(String(i + 1))}`,
    ),
  ];
  return sql`WITH choice AS MATERIALIZED (SELECT c FROM (VALUES ${values}) v(c, n) ORDER BY n, c LIMIT 1)
    ${join(branches, ' UNION ALL ')}`;
}
