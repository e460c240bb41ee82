/**
 * Score definitions for the drawer's score form and the Settings page:
 *   ['score-definitions', {archived}]   ['score-definitions', 'comments', requestId]
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type NewScoreDefinition,
  scoreCommentsResponseSchema,
  scoreDefinitionSchema,
  scoreDefinitionsResponseSchema,
} from '../../../../contract/score-definitions.ts';
import { apiFetch } from '../../../lib/api-client.ts';

export const scoreDefinitionQueries = {
  all: () => ['score-definitions'] as const,
  list: (archived = false) =>
    queryOptions({
      queryKey: [...scoreDefinitionQueries.all(), { archived }] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/score-definitions?archived=${archived}`, {
          schema: scoreDefinitionsResponseSchema,
          signal,
        }),
      staleTime: 60_000,
    }),
  comments: (requestId: number) =>
    queryOptions({
      queryKey: [...scoreDefinitionQueries.all(), 'comments', requestId] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/requests/${requestId}/score-comments`, {
          schema: scoreCommentsResponseSchema,
          signal,
        }),
    }),
};

function useDefinitionMutation<V>(mutationFn: (variables: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: scoreDefinitionQueries.all() }),
        client.invalidateQueries({ queryKey: ['settings'] }),
      ]),
    meta: { silent: true },
  });
}

export function useCreateScoreDefinition() {
  return useDefinitionMutation((body: NewScoreDefinition) =>
    apiFetch('/api/score-definitions', { method: 'POST', body, schema: scoreDefinitionSchema }),
  );
}

export function useArchiveScoreDefinition() {
  return useDefinitionMutation((id: number) =>
    apiFetch(`/api/score-definitions/${id}/archive`, { method: 'POST', schema: scoreDefinitionSchema }),
  );
}
