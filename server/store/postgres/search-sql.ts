/**
 * PromptLayer's search (docs/wire-contract.md §6): the filter tree is compiled by the shared
 * server/store/sql/search-filter.ts with the PostgreSQL dialect; paging is by page number, as
 * PromptLayer's contract has it.
 */
import { and, raw, type Sql, sql } from '../sql/fragment.ts';
import { clamp, SEARCH_PER_PAGE_MAX, SEARCH_SORT_COLUMNS } from '../sql/rules.ts';
import { searchFilterSql } from '../sql/search-filter.ts';
import type { SearchQuery } from '../store.ts';
import { postgresDialect, textCondition } from './dialect.ts';

function searchWhere(query: SearchQuery): Sql {
  const parts: Sql[] = [];
  if (query.filterGroup) parts.push(searchFilterSql(postgresDialect, query.filterGroup));
  const q = query.q?.trim();
  if (q) parts.push(textCondition(q));
  return and(parts);
}

/** One page of the search, in its sort with the id as tiebreaker, with the given columns. */
export function searchPageStatement(query: SearchQuery, columns: Sql): Sql {
  const dir = query.sortOrder === 'asc' ? 'ASC' : 'DESC';
  const order = raw(`r.${SEARCH_SORT_COLUMNS[query.sortBy]} ${dir}, r.id ${dir}`);
  const perPage = clamp(query.perPage, SEARCH_PER_PAGE_MAX);
  const offset = (Math.max(1, query.page) - 1) * perPage;
  return sql`SELECT ${columns} FROM (
    SELECT * FROM requests r WHERE ${searchWhere(query)} ORDER BY ${order} LIMIT ${perPage} OFFSET ${offset}
  ) r ORDER BY ${order}`;
}

export function searchCountStatement(query: SearchQuery): Sql {
  return sql`SELECT count(*)::bigint AS total FROM requests r WHERE ${searchWhere(query)}`;
}
