/** The timeline's query options, under the requests key so every write and live update refreshes it. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { RequestFilter } from '../../../../contract/api.ts';
import { filterToParams } from '../../../../contract/filter-query.ts';
import { type TimelineMetric, timelineResponseSchema } from '../../../../contract/timeline.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import { requestQueries } from '../api/request-queries.ts';

export function timelineQuery(filter: RequestFilter, metric: TimelineMetric) {
  return queryOptions({
    queryKey: [...requestQueries.all(), 'timeline', filter, metric] as const,
    queryFn: ({ signal }) => {
      const params = filterToParams(filter);
      if (metric !== 'volume') params.set('metric', metric);
      return apiFetch(`/api/requests/timeline?${params}`, { schema: timelineResponseSchema, signal });
    },
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
