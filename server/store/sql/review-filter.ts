/**
 * The review-work parts of a filter (issue #12) as predicates on the request whose id is `id`:
 * no score named X, scored by an author (annotation history), a comment on a score. Plain SQL
 * both adapters run. None of them can drive a page from an index: they narrow what another
 * part (or the time order) reads.
 */
import type { RequestFilter } from '../../../contract/api.ts';
import { or, type Sql, sql } from './fragment.ts';

export type ReviewFilter = Pick<RequestFilter, 'noScores' | 'scoredBy' | 'commented'>;

export function hasReviewFilter(filter: ReviewFilter): boolean {
  return (
    (filter.noScores?.length ?? 0) > 0 || (filter.scoredBy?.length ?? 0) > 0 || filter.commented === true
  );
}

export function reviewPredicates(filter: ReviewFilter, id: Sql): Sql[] {
  const parts: Sql[] = [];
  for (const name of new Set(filter.noScores ?? []))
    parts.push(
      sql`NOT EXISTS (SELECT 1 FROM request_scores ns WHERE ns.request_id = ${id} AND ns.name = ${name})`,
    );
  const authors = [...new Set(filter.scoredBy ?? [])];
  if (authors.length > 0)
    parts.push(
      sql`EXISTS (SELECT 1 FROM annotation_events ae WHERE ae.request_id = ${id} AND ae.kind = 'score' AND ae.value IS NOT NULL AND (${or(authors.map((a) => sql`ae.actor = ${a}`))}))`,
    );
  if (filter.commented)
    parts.push(sql`EXISTS (SELECT 1 FROM score_comments sc2 WHERE sc2.request_id = ${id})`);
  return parts;
}
