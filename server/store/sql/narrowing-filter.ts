/**
 * The narrowing filter: the parts of a filter that only narrow, as predicates on the request whose
 * id is `id`, in plain SQL both adapters run: review work (no score named X, scored by an author,
 * a comment on a score, in a review queue) and prompt template versions. None of them can drive a
 * page from an index: they narrow what another part (the prompt name, or the time order) reads.
 */
import type { RequestFilter } from '../../../contract/api.ts';
import { or, raw, type Sql, sql } from './fragment.ts';

export type NarrowingFilter = Pick<
  RequestFilter,
  'noScores' | 'scoredBy' | 'commented' | 'promptVersions' | 'inQueue'
>;

/** The requests column holding the prompt version: the adapters name it differently. */
export type PromptVersionColumn = 'prompt_version' | 'prompt_version_number';

export function hasNarrowingFilter(filter: NarrowingFilter): boolean {
  return (
    (filter.noScores?.length ?? 0) > 0 ||
    (filter.scoredBy?.length ?? 0) > 0 ||
    filter.commented === true ||
    (filter.promptVersions?.length ?? 0) > 0 ||
    filter.inQueue !== undefined
  );
}

export function narrowingPredicates(
  filter: NarrowingFilter,
  id: Sql,
  versionColumn: PromptVersionColumn,
): Sql[] {
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
  const versions = [...new Set(filter.promptVersions ?? [])];
  if (versions.length > 0)
    parts.push(
      sql`EXISTS (SELECT 1 FROM requests pv WHERE pv.id = ${id} AND (${or(versions.map((v) => sql`pv.${raw(versionColumn)} = ${v}`))}))`,
    );
  if (filter.inQueue) {
    const { queueId, state } = filter.inQueue;
    const done =
      state === 'any'
        ? raw('')
        : raw(
            state === 'done' ? ' AND qi.reviews >= rq.reviews_needed' : ' AND qi.reviews < rq.reviews_needed',
          );
    parts.push(
      sql`EXISTS (SELECT 1 FROM queue_items qi JOIN review_queues rq ON rq.id = qi.queue_id
        WHERE qi.request_id = ${id} AND qi.queue_id = ${queueId}${done})`,
    );
  }
  return parts;
}
