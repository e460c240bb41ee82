/** /queues/<id>/review: one request at a time, by keyboard; progress "37 / 200 · mine 12". */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { hasCommandModifier, isTypingTarget } from '../../../lib/keyboard.ts';
import { onLinkClick } from '../../prompts/prompts-url.ts';
import { requestQueries } from '../../requests/api/request-queries.ts';
import '../../requests/drawer/drawer.css';
import { queueQueries, useQueueActions } from './queue-queries.ts';
import { queuesHref } from './queues-url.ts';
import { ReviewItem } from './review-item.tsx';
import './queues.css';

export function ReviewScreen({ queueId }: { queueId: number }) {
  const queue = useQuery(queueQueries.detail(queueId));
  const turn = useQuery(queueQueries.turn(queueId));
  const { submit, skip, undo } = useQueueActions(queueId);
  const [said, setSaid] = useState('');
  const busy = submit.isPending || skip.isPending || undo.isPending || turn.isFetching;
  const failure = submit.error ?? skip.error ?? undo.error ?? turn.error ?? queue.error;
  const progress = turn.data?.progress ?? queue.data?.progress;
  const item = turn.data?.item ?? null;
  // The request likely to come next loads while this one is reviewed, so Enter shows it at once.
  const client = useQueryClient();
  const upcoming = turn.data?.upcoming ?? null;
  useEffect(() => {
    if (upcoming !== null) void client.prefetchQuery(requestQueries.detail(upcoming));
  }, [client, upcoming]);
  const reset = () => {
    for (const mutation of [submit, skip, undo]) mutation.reset();
  };

  return (
    <section className="queue-screen" aria-labelledby="queue-title">
      <header className="queue-screen-header">
        <h1 id="queue-title">{queue.data?.name ?? 'Review queue'}</h1>
        {progress ? (
          <p className="queue-progress">
            <span className="visually-hidden">Progress: </span>
            {formatCount(progress.done)} / {formatCount(progress.total)} · mine {formatCount(progress.mine)}
          </p>
        ) : null}
        {item ? <span className="muted">Request {item.requestId}</span> : null}
        <span className="spacer" />
        <p className="muted queue-keys" aria-hidden="true">
          <kbd>1</kbd>–<kbd>9</kbd> pick · <kbd>Enter</kbd> complete · <kbd>s</kbd> skip · <kbd>u</kbd> undo
        </p>
        <a href={queuesHref({ page: 'summary', id: queueId })} onClick={onLinkClick}>
          Summary
        </a>
        <a href={queuesHref({ page: 'list' })} onClick={onLinkClick}>
          All queues
        </a>
      </header>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {failure ? (
        <p role="alert" className="settings-error queue-error">
          {failure.message}{' '}
          <button type="button" className="btn btn-sm" onClick={reset}>
            Dismiss
          </button>
        </p>
      ) : null}
      {queue.data && turn.data ? (
        item ? (
          <ReviewItem
            key={item.requestId}
            queue={queue.data}
            requestId={item.requestId}
            busy={busy}
            onSubmit={(values, comment) => {
              reset();
              const requestId = item.requestId;
              submit.mutate(
                { requestId, body: comment.trim() ? { values, comment } : { values } },
                { onSuccess: () => setSaid(`Submitted request ${requestId}.`) },
              );
            }}
            onSkip={() => {
              reset();
              const requestId = item.requestId;
              skip.mutate(requestId, { onSuccess: () => setSaid(`Skipped request ${requestId}.`) });
            }}
            onUndo={() => {
              reset();
              undo.mutate(undefined, {
                onSuccess: (next) => setSaid(`Undid your review of request ${next.item?.requestId}.`),
              });
            }}
          />
        ) : (
          <NothingLeft queueId={queueId} busy={busy} onUndo={() => undo.mutate()} />
        )
      ) : failure ? null : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}

/** Nothing left for this reviewer: `u` (or the button) still undoes their last review. */
function NothingLeft({ queueId, busy, onUndo }: { queueId: number; busy: boolean; onUndo: () => void }) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (
      event.key !== 'u' ||
      event.defaultPrevented ||
      hasCommandModifier(event) ||
      isTypingTarget(event.target)
    )
      return;
    event.preventDefault();
    if (!event.repeat && !busy) onUndo();
  });
  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div className="queue-empty">
      <p>Nothing left for you in this queue.</p>
      <p className="muted">
        Every item has its reviews, is reserved by someone else, or you reviewed it already.{' '}
        <a href={queuesHref({ page: 'summary', id: queueId })} onClick={onLinkClick}>
          See the summary
        </a>
        .
      </p>
      <button type="button" className="btn btn-sm" disabled={busy} onClick={onUndo}>
        Undo my last review (u)
      </button>
    </div>
  );
}
