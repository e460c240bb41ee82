/** POST /api/queues/:id/items: the selected requests join a review queue (ids already in it are left out). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addQueueItemsResponseSchema } from '../../../../contract/review-queues.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import { queueQueries } from '../../review/queues/queue-queries.ts';
import { requestQueries } from './request-queries.ts';

export function useAddToQueue() {
  const client = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ queueId, ids }: { queueId: number; ids: number[] }) =>
      apiFetch(`/api/queues/${queueId}/items`, {
        method: 'POST',
        body: { ids },
        schema: addQueueItemsResponseSchema,
      }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queueQueries.all() }),
        // The "in queue" filter's rows.
        client.invalidateQueries({ queryKey: requestQueries.all() }),
      ]),
  });
}
