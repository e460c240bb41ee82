import { useQuery } from '@tanstack/react-query';
import { memo, type Ref } from 'react';
import { useCan } from '../../auth/session-context.tsx';
import { scoreDefinitionQueries } from '../../review/api/score-definition-queries.ts';
import type { Annotate } from '../api/annotation-change.ts';
import { requestQueries } from '../api/index.ts';
import { DrawerError, DrawerSkeleton } from './drawer-states.tsx';
import { DrawerView } from './drawer-view.tsx';

interface DrawerLoaderProps {
  id: number;
  onChange: Annotate;
  metadataKeyRef: Ref<HTMLInputElement>;
  /** Blind review (review queues): the view hides scores and history. */
  scoresWithheld?: boolean;
}

/** Skeleton, error with Retry, or the view. Keyed by id by its parent so no state leaks between requests. */
export const DrawerLoader = memo(function DrawerLoader({
  id,
  onChange,
  metadataKeyRef,
  scoresWithheld = false,
}: DrawerLoaderProps) {
  const detail = useQuery(requestQueries.detail(id));
  const history = useQuery({ ...requestQueries.history(id), meta: { silent: true } });
  const readOnly = !useCan('annotate');
  const definitions = useQuery({ ...scoreDefinitionQueries.list(), meta: { silent: true } });
  const comments = useQuery({ ...scoreDefinitionQueries.comments(id), meta: { silent: true } });
  if (detail.data)
    return (
      <DrawerView
        detail={detail.data}
        onChange={onChange}
        metadataKeyRef={metadataKeyRef}
        readOnly={readOnly}
        history={history.data?.events ?? []}
        definitions={definitions.data?.definitions ?? []}
        comments={comments.data?.comments ?? []}
        scoresWithheld={scoresWithheld}
      />
    );
  if (detail.isError)
    return <DrawerError id={id} error={detail.error} onRetry={() => void detail.refetch()} />;
  return <DrawerSkeleton id={id} />;
});
