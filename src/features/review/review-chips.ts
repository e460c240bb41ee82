/** The review filters (issue #12) as removable chips, and the updates the Review filter makes. */
import type { RequestFilter } from '../../../contract/api.ts';
import type { FilterChip } from '../requests/filters/filter-chips-model.ts';

const without = <T>(values: readonly T[] | undefined, value: T): T[] | undefined => {
  const rest = (values ?? []).filter((v) => v !== value);
  return rest.length > 0 ? rest : undefined;
};

export function reviewChips(filter: RequestFilter): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const name of filter.noScores ?? [])
    chips.push({
      key: `noscore:${name}`,
      label: `No score ${name}`,
      without: (f) => ({ ...f, noScores: without(f.noScores, name) }),
    });
  for (const author of filter.scoredBy ?? [])
    chips.push({
      key: `scored_by:${author}`,
      label: `Scored by ${author}`,
      without: (f) => ({ ...f, scoredBy: without(f.scoredBy, author) }),
    });
  if (filter.commented)
    chips.push({ key: 'commented', label: 'Has a comment', without: ({ commented: _c, ...f }) => f });
  if (filter.inQueue) {
    const { queueId, state } = filter.inQueue;
    chips.push({
      key: 'in_queue',
      label: `In queue ${queueId}${state === 'any' ? '' : ` (${state})`}`,
      without: ({ inQueue: _q, ...f }) => f,
    });
  }
  return chips;
}

const adding = (values: readonly string[] | undefined, value: string): string[] =>
  values?.includes(value) ? [...values] : [...(values ?? []), value];

export const withNoScore = (filter: RequestFilter, name: string): RequestFilter => ({
  ...filter,
  noScores: adding(filter.noScores, name),
});

export const withScoredBy = (filter: RequestFilter, author: string): RequestFilter => ({
  ...filter,
  scoredBy: adding(filter.scoredBy, author),
});

export function withCommented(filter: RequestFilter, on: boolean): RequestFilter {
  const { commented: _c, ...rest } = filter;
  return on ? { ...rest, commented: true } : rest;
}

/** Does the filter read scores' authors or comments (a score change may move a request in or out)? */
export function hasReviewFilter(filter: RequestFilter): boolean {
  return (
    (filter.noScores?.length ?? 0) > 0 ||
    (filter.scoredBy?.length ?? 0) > 0 ||
    filter.commented === true ||
    filter.inQueue !== undefined
  );
}

export function withInQueue(
  filter: RequestFilter,
  inQueue: NonNullable<RequestFilter['inQueue']>,
): RequestFilter {
  return { ...filter, inQueue };
}
