/**
 * Review queues in the SPA:
 *   ['queues']                          every queue (the Queues page)
 *   ['queues', id]                      one queue with the caller's progress
 *   ['queues', id, 'turn']              the caller's current item ("next" is idempotent while the lease holds)
 *   ['queues', id, 'summary']           distributions and agreement
 *   ['queues', id, 'reviews', request]  an item's reviews (withheld while blind)
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  itemReviewsResponseSchema,
  type NewQueueBody,
  queueProgressSchema,
  queueSchema,
  queueSummarySchema,
  queuesResponseSchema,
  queueTurnSchema,
  type SubmitReviewBody,
} from '../../../../contract/review-queues.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import { requestQueries } from '../../requests/api/request-queries.ts';

export const queueQueries = {
  all: () => ['queues'] as const,
  list: () =>
    queryOptions({
      queryKey: queueQueries.all(),
      queryFn: ({ signal }) => apiFetch('/api/queues', { schema: queuesResponseSchema, signal }),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...queueQueries.all(), id] as const,
      queryFn: ({ signal }) => apiFetch(`/api/queues/${id}`, { schema: queueSchema, signal }),
    }),
  turn: (id: number) =>
    queryOptions({
      queryKey: [...queueQueries.all(), id, 'turn'] as const,
      queryFn: () => apiFetch(`/api/queues/${id}/next`, { method: 'POST', schema: queueTurnSchema }),
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
      retry: false,
    }),
  summary: (id: number) =>
    queryOptions({
      queryKey: [...queueQueries.all(), id, 'summary'] as const,
      queryFn: ({ signal }) => apiFetch(`/api/queues/${id}/summary`, { schema: queueSummarySchema, signal }),
    }),
  reviews: (id: number, requestId: number) =>
    queryOptions({
      queryKey: [...queueQueries.all(), id, 'reviews', requestId] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/queues/${id}/items/${requestId}/reviews`, {
          schema: itemReviewsResponseSchema,
          signal,
        }),
    }),
};

export function useCreateQueue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewQueueBody) =>
      apiFetch('/api/queues', { method: 'POST', body, schema: queueSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: queueQueries.all() }),
    meta: { silent: true },
  });
}

/** Submit, skip and undo: each ends the current turn; the request's own caches see the new scores. */
export function useQueueActions(queueId: number) {
  const client = useQueryClient();
  const turnKey = queueQueries.turn(queueId).queryKey;
  const refresh = async (requestId: number) => {
    await Promise.all([
      client.invalidateQueries({ queryKey: requestQueries.detail(requestId).queryKey }),
      client.invalidateQueries({ queryKey: [...queueQueries.all(), queueId], exact: true }),
    ]);
  };
  const submit = useMutation({
    mutationFn: ({ requestId, body }: { requestId: number; body: SubmitReviewBody }) =>
      apiFetch(`/api/queues/${queueId}/items/${requestId}/submit`, {
        method: 'POST',
        body,
        schema: queueProgressSchema,
      }),
    onSuccess: (_progress, { requestId }) => {
      void refresh(requestId);
      return client.refetchQueries({ queryKey: turnKey });
    },
    meta: { silent: true },
  });
  const skip = useMutation({
    mutationFn: (requestId: number) =>
      apiFetch(`/api/queues/${queueId}/items/${requestId}/skip`, {
        method: 'POST',
        schema: queueProgressSchema,
      }),
    onSuccess: () => client.refetchQueries({ queryKey: turnKey }),
    meta: { silent: true },
  });
  const undo = useMutation({
    mutationFn: () => apiFetch(`/api/queues/${queueId}/undo`, { method: 'POST', schema: queueTurnSchema }),
    onSuccess: (turn) => {
      client.setQueryData(turnKey, turn);
      if (turn.item) void refresh(turn.item.requestId);
    },
    meta: { silent: true },
  });
  return { submit, skip, undo };
}
