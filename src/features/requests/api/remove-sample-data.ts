/** DELETE /api/sample-data: removes exactly what the generator created, then refreshes everything. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteResponseSchema } from '../../../../contract/api.ts';
import { toast } from '../../../components/ui/toast.tsx';
import { apiFetch } from '../../../lib/api-client.ts';
import { formatCount } from '../../../lib/format.ts';
import { requestQueries } from './request-queries.ts';

export function useRemoveSampleData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/api/sample-data', { method: 'DELETE', schema: deleteResponseSchema }),
    onSuccess: async ({ deleted }) => {
      await queryClient.invalidateQueries({ queryKey: requestQueries.all() });
      toast(`Removed ${formatCount(deleted)} sample requests`, { tone: 'success' });
    },
  });
}
