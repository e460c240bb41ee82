/** POST /api/bulk/delete (admins): deletes the selected requests, all or none; the table refreshes. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bulkDeleteResponseSchema } from '../../../../contract/bulk.ts';
import { ApiError, apiFetch } from '../../../lib/api-client.ts';
import { requestQueries } from './request-queries.ts';

export function useDeleteSelection() {
  const client = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (ids: number[]) =>
      apiFetch('/api/bulk/delete', { method: 'POST', body: { ids }, schema: bulkDeleteResponseSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: requestQueries.all() }),
    // A stale selection: show the rows as they are now (the ones gone disappear).
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'stale_selection')
        void client.invalidateQueries({ queryKey: requestQueries.all() });
    },
  });
}
