/**
 * The richer filter conditions (issue #13) as predicates on the request whose id is `id`: facet
 * values excluded (`not.model=` …), metadata not-in / exists / missing / contains, and numeric
 * comparisons on latency, cost and tokens. Plain SQL both adapters run.
 *
 * None of them drives a page from an index: they narrow what another part of the filter (or the
 * time order) reads, so their cost is bounded the way the rest of the plan is (see list-plan.ts,
 * time-plan.ts). A metadata `contains` reaches the planners already resolved to the key's
 * matching values (meta-contains.ts), i.e. as an ordinary `meta.<key>=` that can drive.
 */
import type { FacetExclusions, NumericCondition, RequestFilter } from '../../../contract/api.ts';
import type { Dialect } from './dialect.ts';
import { and, raw, type Sql, sql } from './fragment.ts';
import { likeEscape } from './rules.ts';

export type RicherFilter = Pick<RequestFilter, 'numeric' | 'metaConditions' | 'exclude'>;

/** The requests column of each numeric filter field. */
export const NUMERIC_COLUMNS: Record<NumericCondition['field'], string> = {
  latency: 'latency_ms',
  cost: 'price',
  input_tokens: 'input_tokens',
  output_tokens: 'output_tokens',
  tokens: 'total_tokens',
};
const OPERATORS: Record<NumericCondition['op'], string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

const EXCLUDED_COLUMNS: [keyof FacetExclusions, string][] = [
  ['models', 'model'],
  ['providers', 'provider'],
  ['statuses', 'status'],
  ['promptNames', 'prompt_name'],
];

export function hasRicherFilter(filter: RicherFilter): boolean {
  const exclude = filter.exclude ?? {};
  return (
    (filter.numeric?.length ?? 0) > 0 ||
    (filter.metaConditions?.length ?? 0) > 0 ||
    Object.values(exclude).some((values) => (values?.length ?? 0) > 0)
  );
}

const distinct = (values: readonly string[] | undefined): string[] => [...new Set(values ?? [])];

/** Conditions on the requests row `row` (an alias in scope). */
function rowConditions(dialect: Dialect, filter: RicherFilter, row: string): Sql[] {
  const parts: Sql[] = [];
  for (const [field, column] of EXCLUDED_COLUMNS) {
    const values = distinct(filter.exclude?.[field]);
    if (values.length === 0) continue;
    const expr = raw(`${row}.${column}`);
    const none = sql`NOT (${dialect.inList(expr, values)})`;
    // A request without a prompt has none of the excluded prompts.
    parts.push(column === 'prompt_name' ? sql`(${expr} IS NULL OR ${none})` : none);
  }
  for (const { field, op, value } of filter.numeric ?? [])
    parts.push(sql`${raw(`${row}.${NUMERIC_COLUMNS[field]}`)} ${raw(OPERATORS[op])} ${value}`);
  return parts;
}

/**
 * Every richer condition as predicates on request `id`; `row` names the requests alias in scope
 * for that request, or null (then the column conditions read it by id).
 */
export function richerPredicates(dialect: Dialect, filter: RicherFilter, id: Sql, row: string | null): Sql[] {
  const parts: Sql[] = [];
  const columns = rowConditions(dialect, filter, row ?? 'rx');
  if (columns.length > 0)
    parts.push(
      row === null
        ? sql`EXISTS (SELECT 1 FROM requests rx WHERE rx.id = ${id} AND ${and(columns)})`
        : and(columns),
    );
  const tags = distinct(filter.exclude?.tags);
  if (tags.length > 0)
    parts.push(
      sql`NOT EXISTS (SELECT 1 FROM request_tags xt WHERE xt.request_id = ${id} AND ${dialect.inList(raw('xt.tag'), tags)})`,
    );
  for (const condition of filter.metaConditions ?? []) {
    const has = (extra: Sql | null) =>
      sql`EXISTS (SELECT 1 FROM request_metadata xm WHERE xm.request_id = ${id} AND xm.key = ${condition.key}${extra ? sql` AND ${extra}` : raw('')})`;
    switch (condition.op) {
      case 'not_in':
        parts.push(sql`NOT ${has(dialect.inList(raw('xm.value'), distinct(condition.values)))}`);
        break;
      case 'exists':
        parts.push(has(null));
        break;
      case 'missing':
        parts.push(sql`NOT ${has(null)}`);
        break;
      case 'contains':
        // Only when a caller skipped resolveMetaContains: correct, but a scan of the key's rows.
        parts.push(has(dialect.ilike(raw('xm.value'), `%${likeEscape(condition.value)}%`)));
        break;
    }
  }
  return parts;
}
