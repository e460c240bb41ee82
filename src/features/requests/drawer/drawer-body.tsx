import { useQuery } from '@tanstack/react-query';
import { type RefObject, useCallback, useDeferredValue, useRef, useState } from 'react';
import { isNotFound } from '../../../lib/api-client.ts';
import { useCan } from '../../auth/session-context.tsx';
import { useAnnotate } from '../api/annotate.ts';
import type { Annotate, AnnotationChange } from '../api/annotation-change.ts';
import { describeChange } from '../api/annotation-change.ts';
import { requestQueries } from '../api/request-queries.ts';
import { DrawerHeader } from './drawer-header.tsx';
import { DrawerLoader } from './drawer-loader.tsx';
import { DrawerSkeleton } from './drawer-states.tsx';
import { TRIAGE_SCORE_NAME } from './triage-keys.ts';
import { useListNavigation } from './use-list-navigation.ts';
import { useTriageKeys } from './use-triage-keys.ts';

/** Ends a server message with a full stop so the next sentence reads right. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

interface DrawerBodyProps {
  id: number;
  drawerRef: RefObject<HTMLElement | null>;
}

/** What stays while j/k switch requests: header, keyboard triage, write errors; the content is keyed. */
export function DrawerBody({ id, drawerRef }: DrawerBodyProps) {
  const annotate = useAnnotate();
  const canAnnotate = useCan('annotate');
  const navigation = useListNavigation(id);
  const copyIdRef = useRef<HTMLButtonElement>(null);
  const metadataKeyRef = useRef<HTMLInputElement>(null);
  // The content follows the id as a deferred (interruptible, time-sliced) render, so opening or
  // switching to a heavy request never blocks the tab in one long task; the header is immediate.
  const contentId = useDeferredValue<number | null>(id, null);
  const { mutate, mutateAsync } = annotate;
  const onChange = (change: AnnotationChange) => mutate({ id, change });
  // Edits made in the content belong to the request the content shows.
  const onContentChange = useCallback<Annotate>(
    (change) =>
      contentId === null
        ? Promise.resolve(false)
        : mutateAsync({ id: contentId, change }).then(
            () => true,
            () => false,
          ),
    [mutateAsync, contentId],
  );

  useTriageKeys(drawerRef, (action) => {
    switch (action.type) {
      case 'next':
        return void navigation.go(1);
      case 'previous':
        return void navigation.go(-1);
      case 'score':
        if (!canAnnotate) return;
        // Confirmed in the header at the key press, naming the request: the Scores section may be far below.
        setScored({ id, value: action.value });
        return onChange({ kind: 'set-score', name: TRIAGE_SCORE_NAME, value: action.value });
      case 'focus-metadata':
        return metadataKeyRef.current?.focus();
      case 'copy-id':
        return copyIdRef.current?.click();
    }
  });

  // A request that does not exist (a stale link) is not a place in the list to move on from.
  const missing = isNotFound(useQuery(requestQueries.detail(id)).error);
  const [scored, setScored] = useState<{ id: number; value: number } | null>(null);
  const failed = annotate.isError ? annotate.variables : undefined;
  return (
    <>
      <DrawerHeader
        id={id}
        copyIdRef={copyIdRef}
        hasPrevious={navigation.hasPrevious && !missing}
        hasNext={navigation.hasNext && !missing}
        onPrevious={() => void navigation.go(-1)}
        onNext={() => void navigation.go(1)}
      />
      {scored ? (
        <p className="drawer-score-confirm" role="status">
          ✓ Request {scored.id}: {TRIAGE_SCORE_NAME} score {scored.value}
        </p>
      ) : null}
      {failed ? (
        <div className="drawer-write-error" role="alert">
          <span>
            Could not {describeChange(failed.change)} on request {failed.id}:{' '}
            {sentence(annotate.error?.message ?? 'the server refused it')} The change was undone.
          </span>
          <button type="button" className="drawer-btn drawer-btn-small" onClick={() => annotate.reset()}>
            Dismiss
          </button>
        </div>
      ) : null}
      {/* Keyed: a new request starts at the top, with no state left from the previous one. */}
      <div className="drawer-scroll" key={contentId ?? 'first'} aria-busy={contentId !== id}>
        {contentId === null ? (
          <DrawerSkeleton id={id} />
        ) : (
          <DrawerLoader id={contentId} onChange={onContentChange} metadataKeyRef={metadataKeyRef} />
        )}
      </div>
    </>
  );
}
