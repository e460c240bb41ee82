/**
 * The one mutation for metadata, scores and tags. Optimistic: the change shows at once in the
 * detail and in every loaded list row; a refusal puts back exactly what it overwrote, and the
 * server's reply (the request's annotations after the write) is written over the guess.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { type AnnotationsResponse, annotationsResponseSchema } from '../../../../contract/api.ts';
import { ApiError, apiFetch } from '../../../lib/api-client.ts';
import { scoreDefinitionQueries } from '../../review/api/score-definition-queries.ts';
import { hasReviewFilter } from '../../review/review-chips.ts';
import { applyChangeToCache, applyServerAnnotations, cachedAnnotations } from './annotation-cache.ts';
import { type AnnotationChange, changeRequest, inverseChange } from './annotation-change.ts';
import { type ListView, requestQueries } from './request-queries.ts';

export interface AnnotateVariables {
  id: number;
  change: AnnotationChange;
}

interface AnnotateContext {
  undo: AnnotationChange | null;
  hadDetail: boolean;
}

/** A list whose filter reads the changed kind of annotation may gain or lose this request. */
export function listDependsOn(view: ListView, change: AnnotationChange): boolean {
  if (change.kind === 'set-score' || change.kind === 'delete-score')
    return view.filter.scores.length > 0 || hasReviewFilter(view.filter);
  if (change.kind === 'set-metadata' || change.kind === 'delete-metadata')
    return view.filter.metadata.length > 0;
  return view.filter.tags.length > 0;
}

/** No answer, or a 5xx/408/429: the write may succeed if sent again (every annotation write is idempotent). */
function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500)
  );
}

function pendingFor(queryClient: QueryClient, id: number): number {
  return queryClient.isMutating({
    predicate: (m) => (m.state.variables as AnnotateVariables | undefined)?.id === id,
  });
}

export function useAnnotate() {
  const queryClient = useQueryClient();
  return useMutation<AnnotationsResponse, Error, AnnotateVariables, AnnotateContext>({
    // The drawer shows the refusal beside the change itself, not as a toast.
    meta: { silent: true },
    // A busy or restarting server is not a refusal: try again before undoing what the user did.
    retry: (failures, error) => failures < 3 && isTransient(error),
    retryDelay: (failures) => 250 * 2 ** failures,
    mutationFn: ({ id, change }) => {
      const { method, path, body } = changeRequest(id, change);
      return apiFetch(path, { schema: annotationsResponseSchema, method, body });
    },
    onMutate: async ({ id, change }) => {
      const detailKey = requestQueries.detail(id).queryKey;
      const hadDetail = queryClient.getQueryData(detailKey) !== undefined;
      // A detail refetch in flight would land the pre-write state over the optimistic one.
      if (hadDetail) await queryClient.cancelQueries({ queryKey: detailKey });
      const before = cachedAnnotations(queryClient, id);
      applyChangeToCache(queryClient, id, change);
      return { undo: before ? inverseChange(before, change) : null, hadDetail };
    },
    onError: (_error, { id }, context) => {
      if (context?.undo) applyChangeToCache(queryClient, id, context.undo);
    },
    onSuccess: (server, { id }) => {
      // With later edits of the same request still in flight, their optimistic state is newer.
      if (pendingFor(queryClient, id) <= 1) applyServerAnnotations(queryClient, id, server);
    },
    onSettled: (_data, error, { id, change }, context) => {
      if (error || !context?.hadDetail)
        void queryClient.invalidateQueries({ queryKey: requestQueries.detail(id).queryKey });
      void queryClient.invalidateQueries({
        queryKey: requestQueries.lists(),
        predicate: (query) => {
          const view = query.queryKey[2] as ListView | undefined;
          return view !== undefined && listDependsOn(view, change);
        },
      });
      void queryClient.invalidateQueries({ queryKey: requestQueries.facets().queryKey, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: requestQueries.history(id).queryKey });
      if (change.kind === 'set-score' || change.kind === 'delete-score')
        void queryClient.invalidateQueries({ queryKey: scoreDefinitionQueries.comments(id).queryKey });
    },
  });
}
