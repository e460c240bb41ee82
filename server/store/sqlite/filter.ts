/**
 * The dashboard filter (contract/api.ts RequestFilter) compiled to SQL predicates. A filter is
 * split into candidates that could drive a time-sorted query from an index (see list-plan.ts);
 * the chosen driver is applied by the plan and every other candidate becomes a predicate here.
 */
import type { RequestFilter } from '../../../contract/api.ts';
import type { Dialect } from '../sql/dialect.ts';
import { and, raw, type Sql, sql } from '../sql/fragment.ts';
import { hasNarrowingFilter, type NarrowingFilter, narrowingPredicates } from '../sql/narrowing-filter.ts';
import { hasRicherFilter, type RicherFilter, richerPredicates } from '../sql/richer-filter.ts';
import { type FilterColumn, filterColumns } from '../sql/rules.ts';

export type Candidate =
  | { kind: 'column'; column: FilterColumn; values: readonly string[] }
  | { kind: 'tag'; values: readonly string[] }
  | { kind: 'meta'; key: string; values: readonly string[] }
  | { kind: 'score'; name: string; min: number; max: number }
  | { kind: 'fts'; q: string }
  /** Review work and prompt versions (narrowing-filter.ts): never drives, only narrows. */
  | { kind: 'narrowing'; filter: NarrowingFilter }
  /** Exclusions, metadata operators, numeric conditions (richer-filter.ts): never drive, only narrow. */
  | { kind: 'richer'; filter: RicherFilter };

/** Every narrowing part of a filter but its time range, in a stable order. */
export function candidatesOf(filter: RequestFilter): Candidate[] {
  const out: Candidate[] = [];
  for (const [column, values] of filterColumns(filter)) {
    if (values.length > 0) out.push({ kind: 'column', column, values: [...new Set(values)] });
  }
  if (filter.tags.length > 0) out.push({ kind: 'tag', values: [...new Set(filter.tags)] });
  for (const { key, values } of filter.metadata)
    out.push({ kind: 'meta', key, values: [...new Set(values)] });
  for (const { name, min, max } of filter.scores) {
    out.push({ kind: 'score', name, min: min ?? 0, max: max ?? 100 });
  }
  const q = filter.q?.trim();
  if (q) out.push({ kind: 'fts', q });
  if (hasNarrowingFilter(filter)) out.push({ kind: 'narrowing', filter });
  if (hasRicherFilter(filter)) {
    const { numeric, metaConditions, exclude } = filter;
    out.push({ kind: 'richer', filter: { numeric, metaConditions, exclude } });
  }
  return out;
}

/** start_ms within the filter's [from, to). */
export function timeRange(filter: RequestFilter, startMs: Sql): Sql[] {
  const parts: Sql[] = [];
  if (filter.from !== undefined) parts.push(sql`${startMs} >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(sql`${startMs} < ${filter.to}`);
  return parts;
}

/** A predicate on the requests row in scope as `r`. */
export function columnPredicate(
  dialect: Dialect,
  candidate: Extract<Candidate, { kind: 'column' }>,
  hide: boolean,
): Sql {
  const column = raw(`r.${candidate.column}`);
  return dialect.inList(hide ? dialect.noIndex(column) : column, candidate.values);
}

/** A predicate on the request whose id is `id` (tags, metadata, scores, full text). */
export function sidePredicate(
  dialect: Dialect,
  candidate: Exclude<Candidate, { kind: 'column' }>,
  id: Sql,
): Sql {
  switch (candidate.kind) {
    case 'tag':
      return sql`EXISTS (SELECT 1 FROM request_tags tg WHERE tg.request_id = ${id} AND ${dialect.inList(raw('tg.tag'), candidate.values)})`;
    case 'meta':
      return sql`EXISTS (SELECT 1 FROM request_metadata md WHERE md.request_id = ${id} AND md.key = ${candidate.key} AND ${dialect.inList(raw('md.value'), candidate.values)})`;
    case 'score':
      return sql`EXISTS (SELECT 1 FROM request_scores sc WHERE sc.request_id = ${id} AND sc.name = ${candidate.name} AND sc.value >= ${candidate.min} AND sc.value <= ${candidate.max})`;
    case 'fts':
      return sql`${dialect.noIndex(id)} IN (${dialect.ftsIds(candidate.q)})`;
    case 'narrowing':
      return and(narrowingPredicates(candidate.filter, id, 'prompt_version'));
    case 'richer':
      return and(richerPredicates(dialect, candidate.filter, id, null));
  }
}

/**
 * Every candidate but `skip` as predicates on the request `id`. Column predicates need `r` in
 * scope; when `rowInScope` is false they are wrapped in one EXISTS over requests.
 */
export function restPredicates(
  dialect: Dialect,
  candidates: readonly Candidate[],
  skip: Candidate | null,
  id: Sql,
  opts: { rowInScope: boolean; hideColumns: boolean },
): Sql[] {
  const columnParts: Sql[] = [];
  const sideParts: Sql[] = [];
  for (const candidate of candidates) {
    if (candidate === skip) continue;
    if (candidate.kind === 'column') columnParts.push(columnPredicate(dialect, candidate, opts.hideColumns));
    else if (candidate.kind === 'richer' && opts.rowInScope)
      sideParts.push(...richerPredicates(dialect, candidate.filter, id, 'r'));
    else sideParts.push(sidePredicate(dialect, candidate, id));
  }
  if (columnParts.length > 0 && !opts.rowInScope) {
    return [sql`EXISTS (SELECT 1 FROM requests r WHERE r.id = ${id} AND ${and(columnParts)})`, ...sideParts];
  }
  return [...columnParts, ...sideParts];
}

/** The whole filter as one predicate over requests `r` (count, probe, delete, export, non-time sorts). */
export function filterPredicate(dialect: Dialect, filter: RequestFilter): Sql {
  const parts = [
    ...timeRange(filter, raw('r.start_ms')),
    ...restPredicates(dialect, candidatesOf(filter), null, raw('r.id'), {
      rowInScope: true,
      hideColumns: false,
    }),
  ];
  return and(parts);
}
