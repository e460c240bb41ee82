/** POST /api/sample-data: generate sample requests (marked as such by the server), then refresh everything. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sampleDataResponseSchema } from '../../../../contract/api.ts';
import { toast } from '../../../components/ui/toast.tsx';
import { apiFetch } from '../../../lib/api-client.ts';
import { formatCount } from '../../../lib/format.ts';
import { requestQueries } from './request-queries.ts';

export const SAMPLE_COUNT = 2000;

export function useLoadSampleData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch('/api/sample-data', {
        method: 'POST',
        body: { count: SAMPLE_COUNT },
        schema: sampleDataResponseSchema,
      }),
    onSuccess: async ({ inserted }) => {
      await queryClient.invalidateQueries({ queryKey: requestQueries.all() });
      toast(`Loaded ${formatCount(inserted)} sample requests`, { tone: 'success' });
    },
  });
}
