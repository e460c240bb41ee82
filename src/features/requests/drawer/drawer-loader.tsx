import { useQuery } from '@tanstack/react-query';
import { memo, type Ref } from 'react';
import { useCan } from '../../auth/session-context.tsx';
import type { Annotate } from '../api/annotation-change.ts';
import { requestQueries } from '../api/index.ts';
import { DrawerError, DrawerSkeleton } from './drawer-states.tsx';
import { DrawerView } from './drawer-view.tsx';

interface DrawerLoaderProps {
  id: number;
  onChange: Annotate;
  metadataKeyRef: Ref<HTMLInputElement>;
}

/** Skeleton, error with Retry, or the view. Keyed by id by its parent so no state leaks between requests. */
export const DrawerLoader = memo(function DrawerLoader({ id, onChange, metadataKeyRef }: DrawerLoaderProps) {
  const detail = useQuery(requestQueries.detail(id));
  const history = useQuery({ ...requestQueries.history(id), meta: { silent: true } });
  const readOnly = !useCan('annotate');
  if (detail.data)
    return (
      <DrawerView
        detail={detail.data}
        onChange={onChange}
        metadataKeyRef={metadataKeyRef}
        readOnly={readOnly}
        history={history.data?.events ?? []}
      />
    );
  if (detail.isError)
    return <DrawerError id={id} error={detail.error} onRetry={() => void detail.refetch()} />;
  return <DrawerSkeleton id={id} />;
});
