/** GET /api/sample-data: how many requests the sample-data generator created that still exist. */
import { queryOptions } from '@tanstack/react-query';
import { sampleDataStatusSchema } from '../../../../contract/api.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import { requestQueries } from './request-queries.ts';

export const sampleDataStatus = () =>
  queryOptions({
    // Under the requests branch: any write that invalidates requests refreshes it too.
    queryKey: [...requestQueries.all(), 'sample-data'] as const,
    queryFn: ({ signal }) => apiFetch('/api/sample-data', { schema: sampleDataStatusSchema, signal }),
    staleTime: 30_000,
  });
