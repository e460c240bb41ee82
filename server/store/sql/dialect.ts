/**
 * What differs between the two adapters in the SQL they share (PromptLayer's search filter, the
 * SQLite planner's predicates). That SQL is plain SQL both SQLite and PostgreSQL accept, over
 * tables with the same names and columns:
 *   requests r (id, start_ms, end_ms, latency_ms, provider, model, status, input_tokens,
 *     output_tokens, total_tokens, price, prompt_name, is_tool_call, is_json, …)
 *   request_tags (request_id, tag, start_ms)
 *   request_metadata (request_id, key, value, start_ms)
 *   request_scores (request_id, name, value, start_ms)
 *   facet_counts (kind, value, extra, n)   [PostgreSQL may shard it: sum(n) is always used]
 * start_ms in the side tables is a copy of the request's start time, so a tag/metadata/score
 * filter sorted by time is one index range scan on (tag|key,value|name, start_ms, request_id).
 */
import type { Sql } from './fragment.ts';

export interface Dialect {
  /** `expr IN (…values)`; values is never empty. */
  inList(expr: Sql, values: readonly unknown[]): Sql;
  /**
   * The same expression, hidden from the planner's index choice (SQLite: unary `+`), so that
   * the query's shape, not a guess, decides which index drives it. PostgreSQL: unchanged.
   */
  noIndex(expr: Sql): Sql;
  /** Pins the table before it to the named index (SQLite: `INDEXED BY`); PostgreSQL: nothing. */
  forceIndex(name: string): Sql;
  /**
   * A subquery selecting the ids of requests whose input or output text matches free text `q`,
   * optionally only ids within [range.lo, range.hi].
   */
  ftsIds(q: string, range?: { lo: Sql; hi: Sql }): Sql;
  /** A cheap superset of ftsIds(q) (index candidates, unconfirmed): for estimating how many match. */
  ftsCandidateIds(q: string): Sql;
  /** Case-insensitive LIKE with `\` as the escape character. */
  ilike(expr: Sql, pattern: string): Sql;
  /** The request's input or output text (r is the requests alias in scope). */
  textExpr(which: 'input_text' | 'output_text'): Sql;
  /** The request (alias r) has at least one of these tool names. */
  toolNamesAny(values: readonly string[]): Sql;
  /** The request (alias r) has no tool names. */
  toolNamesEmpty(): Sql;
  /** A boolean column compared to true/false. */
  isTrue(expr: Sql, value: boolean): Sql;
}

/** Index names both adapters create (SQLite pins plans to them through Dialect.forceIndex). */
export const INDEX = {
  time: 'requests_start',
  model: 'requests_model_start',
  provider: 'requests_provider_start',
  status: 'requests_status_start',
  prompt_name: 'requests_prompt_start',
  trace_id: 'requests_trace',
  tag: 'request_tags_tag_start',
  meta: 'request_metadata_key_value_start',
  score: 'request_scores_name_start',
} as const;
