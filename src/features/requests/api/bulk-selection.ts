/** POST /api/bulk: one action on the selected requests (all or none); the table, counts and facets refresh. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type BulkAction, bulkSelectionResponseSchema } from '../../../../contract/bulk.ts';
import { ApiError, apiFetch } from '../../../lib/api-client.ts';
import { requestQueries } from './request-queries.ts';

export function useBulkSelection() {
  const client = useQueryClient();
  return useMutation({
    // The selection bar says what failed (a stale selection is explained there).
    meta: { silent: true },
    mutationFn: (body: { action: BulkAction; ids: number[] }) =>
      apiFetch('/api/bulk', { method: 'POST', body, schema: bulkSelectionResponseSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: requestQueries.all() }),
    // A stale selection: show the rows as they are now (the ones gone disappear).
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'stale_selection')
        void client.invalidateQueries({ queryKey: requestQueries.all() });
    },
  });
}
