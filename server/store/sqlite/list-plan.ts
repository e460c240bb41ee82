/**
 * The list query: which index drives a page, and the SQL that reads one page of ids.
 *
 * Time sort (the default, and the budgeted case): the most selective filter part drives the
 * query from an index whose order already is (start_ms, id), so the first page and a page 200
 * deep cost the same: a short range scan that stops after limit+1 matches. A filter with
 * several values (model=a&model=b) reads one limited arm per value and merges them. Full text
 * drives only when it matches few rows (then its matches are sorted); otherwise it is a
 * membership test while the time index drives.
 *
 * Other sorts use the sort column's index with every filter as a predicate.
 */
import type { RequestFilter, SortField, SortOrder } from '../../../contract/api.ts';
import type { CursorPosition } from '../sql/cursor.ts';
import { type Dialect, INDEX } from '../sql/dialect.ts';
import { and, join, list, raw, type Sql, sql } from '../sql/fragment.ts';
import { narrowingPredicates } from '../sql/narrowing-filter.ts';
import { richerPredicates } from '../sql/richer-filter.ts';
import { ESTIMATE_CAP, FACET_KIND, SORT_COLUMNS } from '../sql/rules.ts';
import { type Candidate, candidatesOf, restPredicates, timeRange } from './filter.ts';

/** Full text drives a time-sorted page only below this many matches. */
export const FTS_DRIVE_MAX = 3000;

/** A single-row `SELECT … AS n` estimating how many requests match the candidate. */
export function estimateSql(dialect: Dialect, candidate: Candidate): Sql {
  switch (candidate.kind) {
    case 'column':
      return sql`SELECT COALESCE(sum(n), 0) AS n FROM facet_counts WHERE kind = ${FACET_KIND[candidate.column]} AND ${dialect.inList(raw('value'), candidate.values)}`;
    case 'tag':
      return sql`SELECT COALESCE(sum(n), 0) AS n FROM facet_counts WHERE kind = 'tag' AND ${dialect.inList(raw('value'), candidate.values)}`;
    case 'score':
      return sql`SELECT COALESCE(sum(n), 0) AS n FROM facet_counts WHERE kind = 'score_name' AND value = ${candidate.name}`;
    case 'meta':
      return sql`SELECT count(*) AS n FROM (SELECT 1 FROM request_metadata WHERE key = ${candidate.key} AND ${dialect.inList(raw('value'), candidate.values)} LIMIT ${ESTIMATE_CAP}) x`;
    case 'fts':
      return sql`SELECT count(*) AS n FROM (${dialect.ftsCandidateIds(candidate.q)} LIMIT ${ESTIMATE_CAP}) x`;
    case 'narrowing':
    case 'richer':
      // Never drives (chooseDriver skips it): no need to estimate.
      return sql`SELECT ${Number.MAX_SAFE_INTEGER} AS n`;
  }
}

export interface PageInput {
  filter: RequestFilter;
  sort: SortField;
  order: SortOrder;
  /** Rows to read (the page size + 1, to know whether there is a next page). */
  take: number;
  after: CursorPosition | null;
}

/** Picks the driving candidate from estimated match counts (same order as candidatesOf). */
export function chooseDriver(
  candidates: readonly Candidate[],
  estimates: readonly number[],
): Candidate | null {
  let best: Candidate | null = null;
  let bestCount = Number.POSITIVE_INFINITY;
  candidates.forEach((candidate, i) => {
    // No estimate: the only candidate, which then drives whatever its size.
    const count = estimates[i] ?? Number.MAX_SAFE_INTEGER;
    if (candidate.kind === 'narrowing' || candidate.kind === 'richer') return;
    if (candidate.kind === 'fts' && count >= FTS_DRIVE_MAX) return;
    if (count < bestCount) {
      best = candidate;
      bestCount = count;
    }
  });
  return best;
}

/** Does the time-sorted plan want estimates at all? (No when there is nothing to choose between.) */
export function needsEstimates(candidates: readonly Candidate[]): boolean {
  return candidates.length > 1 || candidates.some((c) => c.kind === 'fts');
}

function keyset(sortValue: Sql, id: Sql, order: SortOrder, after: CursorPosition | null): Sql[] {
  if (!after) return [];
  const cmp = raw(order === 'desc' ? '<' : '>');
  const cmpEq = raw(order === 'desc' ? '<=' : '>=');
  return [
    sql`${sortValue} ${cmpEq} ${after.value}`,
    sql`(${sortValue} ${cmp} ${after.value} OR ${id} ${cmp} ${after.id})`,
  ];
}

interface Arm {
  from: Sql;
  id: Sql;
  start: Sql;
  where: Sql[];
  rowInScope: boolean;
  orderStart?: Sql;
}

function armSql(
  dialect: Dialect,
  input: PageInput,
  candidates: readonly Candidate[],
  skip: Candidate | null,
  arm: Arm,
): Sql {
  const dir = raw(input.order === 'desc' ? 'DESC' : 'ASC');
  const where = [
    ...arm.where,
    ...timeRange(input.filter, arm.start),
    ...keyset(arm.start, arm.id, input.order, input.after),
    ...restPredicates(dialect, candidates, skip, arm.id, { rowInScope: arm.rowInScope, hideColumns: true }),
  ];
  const orderStart = arm.orderStart ?? arm.start;
  return sql`SELECT ${arm.id} AS id, ${arm.start} AS sk FROM ${arm.from} WHERE ${and(where)} ORDER BY ${orderStart} ${dir}, ${arm.id} ${dir} LIMIT ${input.take}`;
}

function armsFor(dialect: Dialect, driver: Candidate | null): Arm[] {
  const r = (index: string) => sql`requests r${dialect.forceIndex(index)}`;
  const requestsArm = (from: Sql, where: Sql[]): Arm => ({
    from,
    id: raw('r.id'),
    start: raw('r.start_ms'),
    where,
    rowInScope: true,
  });
  if (driver === null) return [requestsArm(r(INDEX.time), [])];
  switch (driver.kind) {
    case 'column':
      return driver.values.map((value) =>
        requestsArm(r(INDEX[driver.column]), [sql`r.${raw(driver.column)} = ${value}`]),
      );
    case 'tag':
      return driver.values.map((value) => ({
        from: sql`request_tags t${dialect.forceIndex(INDEX.tag)}`,
        id: raw('t.request_id'),
        start: raw('t.start_ms'),
        where: [sql`t.tag = ${value}`],
        rowInScope: false,
      }));
    case 'meta':
      return driver.values.map((value) => ({
        from: sql`request_metadata m${dialect.forceIndex(INDEX.meta)}`,
        id: raw('m.request_id'),
        start: raw('m.start_ms'),
        where: [sql`m.key = ${driver.key}`, sql`m.value = ${value}`],
        rowInScope: false,
      }));
    case 'score':
      return [
        {
          from: sql`request_scores s${dialect.forceIndex(INDEX.score)}`,
          id: raw('s.request_id'),
          start: raw('s.start_ms'),
          where: [sql`s.name = ${driver.name}`, sql`s.value >= ${driver.min}`, sql`s.value <= ${driver.max}`],
          rowInScope: false,
        },
      ];
    case 'fts':
      return [
        {
          from: raw('requests r'),
          id: raw('r.id'),
          // Hidden from the planner so that the few full-text matches drive, then get sorted.
          start: dialect.noIndex(raw('r.start_ms')),
          orderStart: dialect.noIndex(raw('r.start_ms')),
          where: [sql`r.id IN (${dialect.ftsIds(driver.q)})`],
          rowInScope: true,
        },
      ];
    case 'narrowing':
    case 'richer':
      // Never chosen as a driver; reading the time order is what it would mean.
      return [requestsArm(r(INDEX.time), [])];
  }
}

/** Newest rows of the time index that a full-text page looks at before reading every match. */
export const FTS_WINDOW = 2000;

/**
 * A time-sorted page for free text alone (plus a time range) when the text is common: only the
 * next FTS_WINDOW rows of the time index are tested, against the full-text matches inside those
 * rows' id range (ids follow time closely in practice, so the range is narrow and the full-text
 * read is small). Exact either way; when it does not fill a page, use timePageSql instead.
 * Returns null when the filter has other parts.
 */
export function ftsWindowPageSql(dialect: Dialect, input: PageInput): Sql | null {
  const candidates = candidatesOf(input.filter);
  const only = candidates[0];
  if (candidates.length !== 1 || only?.kind !== 'fts') return null;
  const dir = raw(input.order === 'desc' ? 'DESC' : 'ASC');
  const start = raw('r.start_ms');
  const where = [...timeRange(input.filter, start), ...keyset(start, raw('r.id'), input.order, input.after)];
  const window = sql`SELECT r.id AS id, r.start_ms AS sk FROM requests r${dialect.forceIndex(INDEX.time)} WHERE ${and(where)} ORDER BY r.start_ms ${dir}, r.id ${dir} LIMIT ${FTS_WINDOW}`;
  return sql`WITH w AS MATERIALIZED (${window}) SELECT w.id AS id, w.sk AS sk FROM w WHERE w.id IN (${dialect.ftsIds(only.q, { lo: raw('(SELECT min(id) FROM w)'), hi: raw('(SELECT max(id) FROM w)') })}) ORDER BY w.sk ${dir}, w.id ${dir} LIMIT ${input.take}`;
}

/** One page of `(id, sk)` in list order, for a time sort driven by `driver` (null: the time index). */
export function timePageSql(dialect: Dialect, input: PageInput, driver: Candidate | null): Sql {
  const candidates = candidatesOf(input.filter);
  const skip = driver === null ? null : (candidates.find((c) => sameCandidate(c, driver)) ?? null);
  const arms = armsFor(dialect, driver).map((arm) => armSql(dialect, input, candidates, skip, arm));
  if (arms.length === 1) return arms[0] as Sql;
  const dir = input.order === 'desc' ? 'DESC' : 'ASC';
  const merged = join(
    arms.map((arm, i) => sql`SELECT id, sk FROM (${arm}) ${raw(`a${i}`)}`),
    ' UNION ',
  );
  return sql`${merged} ORDER BY sk ${raw(dir)}, id ${raw(dir)} LIMIT ${input.take}`;
}

function sameCandidate(a: Candidate, b: Candidate): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Below this many estimated matches, a non-time sort reads the matches and sorts them. */
export const SORT_DRIVE_MAX = 5000;

/** Ids of the requests a candidate selects, as a subquery (used to drive a sorted page). */
function candidateIds(dialect: Dialect, candidate: Candidate): Sql {
  switch (candidate.kind) {
    case 'column':
      return sql`SELECT id FROM requests WHERE ${dialect.inList(raw(candidate.column), candidate.values)}`;
    case 'tag':
      return sql`SELECT request_id FROM request_tags WHERE ${dialect.inList(raw('tag'), candidate.values)}`;
    case 'meta':
      return sql`SELECT request_id FROM request_metadata WHERE key = ${candidate.key} AND ${dialect.inList(raw('value'), candidate.values)}`;
    case 'score':
      return sql`SELECT request_id FROM request_scores WHERE name = ${candidate.name} AND value >= ${candidate.min} AND value <= ${candidate.max}`;
    case 'fts':
      return dialect.ftsIds(candidate.q);
    case 'narrowing':
      return sql`SELECT r.id FROM requests r WHERE ${and(narrowingPredicates(candidate.filter, raw('r.id'), 'prompt_version'))}`;
    case 'richer':
      return sql`SELECT r.id FROM requests r WHERE ${and(richerPredicates(dialect, candidate.filter, raw('r.id'), 'r'))}`;
  }
}

const SORT_INDEX: Record<Exclude<SortField, 'time'>, string> = {
  latency: 'requests_latency',
  cost: 'requests_price',
  tokens: 'requests_tokens',
};

/** Rows of the sort index a windowed page looks at before giving up and sorting the matches. */
export const SORT_WINDOW = 4000;

/**
 * How a non-time sort reads a page:
 * - scan:   walk the sort column's index (no filter, or nothing better known);
 * - window: the next SORT_WINDOW entries of the sort index, filtered; when that does not fill
 *           a page (the filter is rare there, e.g. a cheap model sorted by cost desc) the caller
 *           falls back to drive;
 * - drive:  read the driver candidate's matches and sort them (a selective filter).
 */
export type SortedMode = { kind: 'scan' } | { kind: 'window' } | { kind: 'drive'; driver: Candidate };

/**
 * One page of `(id, sk)` for a non-time sort. Sort values repeat a lot (prices, token counts),
 * so the keyset is two arms: the rest of the current value by id, then the values past it;
 * each is an index seek, and a deep page costs what the first does.
 */
export function sortedPageSql(dialect: Dialect, input: PageInput, mode: SortedMode = { kind: 'scan' }): Sql {
  if (input.sort === 'time') throw new Error('sortedPageSql is for non-time sorts');
  const columnName = SORT_COLUMNS[input.sort];
  const column = raw(`r.${columnName}`);
  const dir = raw(input.order === 'desc' ? 'DESC' : 'ASC');
  const cmp = raw(input.order === 'desc' ? '<' : '>');
  const candidates = candidatesOf(input.filter);
  const drive = mode.kind === 'drive' ? mode.driver : null;
  const sortIndex = sql`requests r${dialect.forceIndex(SORT_INDEX[input.sort])}`;
  const predicates = [
    ...timeRange(input.filter, dialect.noIndex(raw('r.start_ms'))),
    ...(drive ? [sql`r.id IN (${candidateIds(dialect, drive)})`] : []),
    ...restPredicates(dialect, candidates, drive, raw('r.id'), { rowInScope: true, hideColumns: true }),
  ];
  const keysetArms = (build: (where: Sql[]) => Sql): Sql => {
    if (!input.after) return build([]);
    const ties = build([sql`${column} = ${input.after.value}`, sql`r.id ${cmp} ${input.after.id}`]);
    const past = build([sql`${column} ${cmp} ${input.after.value}`]);
    return sql`SELECT id, sk FROM (${ties}) t1 UNION ALL SELECT id, sk FROM (${past}) t2 ORDER BY sk ${dir}, id ${dir}`;
  };
  if (mode.kind === 'window') {
    const window = keysetArms(
      (where) =>
        sql`SELECT r.id AS id, ${column} AS sk FROM ${sortIndex} WHERE ${and(where)} ORDER BY ${column} ${dir}, r.id ${dir} LIMIT ${SORT_WINDOW}`,
    );
    const bounded = input.after ? sql`${window} LIMIT ${SORT_WINDOW}` : window;
    return sql`SELECT r.id AS id, w.sk AS sk FROM (${bounded}) w JOIN requests r ON r.id = w.id WHERE ${and(predicates)} ORDER BY w.sk ${dir}, r.id ${dir} LIMIT ${input.take}`;
  }
  const from = drive ? raw('requests r') : sortIndex;
  const sortExpr = drive ? dialect.noIndex(column) : column;
  const page = keysetArms(
    (where) =>
      sql`SELECT r.id AS id, ${column} AS sk FROM ${from} WHERE ${and([...predicates, ...where])} ORDER BY ${sortExpr} ${dir}, r.id ${dir} LIMIT ${input.take}`,
  );
  return input.after ? sql`${page} LIMIT ${input.take}` : page;
}

/**
 * `SELECT count(*) AS n` for a filter, read through the same driving index as a time-sorted
 * page (so a selective part bounds the work); rows reached through several values are counted
 * once.
 */
export function countSql(dialect: Dialect, filter: RequestFilter, driver: Candidate | null): Sql {
  const candidates = candidatesOf(filter);
  const skip = driver === null ? null : (candidates.find((c) => sameCandidate(c, driver)) ?? null);
  const input: PageInput = { filter, sort: 'time', order: 'desc', take: 0, after: null };
  const arms = armsFor(dialect, driver).map((arm) => {
    const where = [
      ...arm.where,
      ...timeRange(input.filter, arm.start),
      ...restPredicates(dialect, candidates, skip, arm.id, { rowInScope: arm.rowInScope, hideColumns: true }),
    ];
    return sql`SELECT ${arm.id} AS id FROM ${arm.from} WHERE ${and(where)}`;
  });
  if (arms.length === 1) return sql`SELECT count(*) AS n FROM (${arms[0] as Sql}) c`;
  return sql`SELECT count(*) AS n FROM (${join(arms, ' UNION ')}) c`;
}

/** `SELECT … AS n`: the exact count of one metadata condition alone, from its counters (rules.ts metadataCounterFor). */
export function metadataCountSql(counter: { key: string; values: readonly string[] }): Sql {
  return sql`SELECT coalesce(sum(n), 0) AS n FROM metadata_value_counts WHERE key = ${counter.key} AND value IN (${list(counter.values)})`;
}

/**
 * `SELECT count(*) AS n` of requests newer than id `after` that match the filter, capped: the
 * live probe. Newer rows are few, so their id range drives (filter columns are hidden from the
 * planner) and full text is read only within that range.
 */
export function probeCountSql(dialect: Dialect, filter: RequestFilter, after: number, cap: number): Sql {
  const candidates = candidatesOf(filter);
  const id = raw('r.id');
  const parts: Sql[] = [sql`r.id > ${after}`, ...timeRange(filter, dialect.noIndex(raw('r.start_ms')))];
  for (const candidate of candidates) {
    if (candidate.kind === 'fts') {
      const range = { lo: sql`${after + 1}`, hi: raw('(SELECT max(id) FROM requests)') };
      parts.push(sql`${dialect.noIndex(id)} IN (${dialect.ftsIds(candidate.q, range)})`);
    } else {
      parts.push(...restPredicates(dialect, [candidate], null, id, { rowInScope: true, hideColumns: true }));
    }
  }
  return sql`SELECT count(*) AS n FROM (SELECT 1 FROM requests r WHERE ${and(parts)} LIMIT ${cap}) x`;
}
