/**
 * Whole-filter bulk jobs (contract/bulk.ts): start, watch (polled while running), cancel.
 *   ['bulk-jobs', id]
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type BulkAction, type BulkJob, bulkJobSchema } from '../../../../contract/bulk.ts';
import { apiFetch } from '../../../lib/api-client.ts';

const POLL_MS = 400;

export const bulkJobQueries = {
  job: (id: string) =>
    queryOptions({
      queryKey: ['bulk-jobs', id] as const,
      queryFn: ({ signal }) => apiFetch(`/api/bulk-jobs/${id}`, { schema: bulkJobSchema, signal }),
      refetchInterval: (query) =>
        query.state.data?.state === 'running' || !query.state.data ? POLL_MS : false,
    }),
};

export function useStartBulkJob() {
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: { action: BulkAction; query: string; expected: number }) =>
      apiFetch('/api/bulk-jobs', { method: 'POST', body, schema: bulkJobSchema }),
  });
}

/** Admins: delete every request matching the query, as a job. */
export function useStartDeleteJob() {
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: { query: string; expected: number }) =>
      apiFetch('/api/bulk-jobs/delete', { method: 'POST', body, schema: bulkJobSchema }),
  });
}

export function useCancelBulkJob() {
  const client = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (id: string) =>
      apiFetch(`/api/bulk-jobs/${id}/cancel`, { method: 'POST', schema: bulkJobSchema }),
    onSuccess: (job: BulkJob) => client.setQueryData(bulkJobQueries.job(job.id).queryKey, job),
  });
}
