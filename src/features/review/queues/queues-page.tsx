/** /queues: every review queue with its progress; each opens its reviewer screen or its summary. */
import { useQuery } from '@tanstack/react-query';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { onLinkClick } from '../../prompts/prompts-url.ts';
import { queueQueries } from './queue-queries.ts';
import { queuesHref } from './queues-url.ts';
import './queues.css';

export function QueuesPage() {
  const list = useQuery(queueQueries.list());
  const queues = list.data?.queues ?? [];
  return (
    <section className="queues-page" aria-labelledby="queues-title">
      <h1 id="queues-title">Review queues</h1>
      <p className="muted">
        Create a queue from the Requests page: filter the requests to review, then "Create queue from this
        filter".
      </p>
      {list.isError ? <p role="alert">{list.error.message}</p> : null}
      {list.isPending ? <p className="muted">Loading…</p> : null}
      {list.data && queues.length === 0 ? <p className="queue-empty">No review queues yet.</p> : null}
      {queues.length > 0 ? (
        <div className="queues-table-wrap">
          <table className="queues-table" aria-label="Review queues">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Progress</th>
                <th scope="col">Scores</th>
                <th scope="col">Reviewers</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {queues.map((queue) => (
                <tr key={queue.id}>
                  <td>
                    <a href={queuesHref({ page: 'review', id: queue.id })} onClick={onLinkClick}>
                      {queue.name}
                    </a>
                    {queue.description ? <div className="muted">{queue.description}</div> : null}
                    <div>
                      <a
                        className="muted"
                        href={queuesHref({ page: 'summary', id: queue.id })}
                        onClick={onLinkClick}
                        aria-label={`Summary of ${queue.name}`}
                      >
                        Summary
                      </a>
                    </div>
                  </td>
                  <td>
                    <progress
                      max={Math.max(queue.progress.total, 1)}
                      value={queue.progress.done}
                      aria-label={`${queue.name}: ${queue.progress.done} of ${queue.progress.total} done`}
                    />{' '}
                    <span className="queue-count">
                      {formatCount(queue.progress.done)} / {formatCount(queue.progress.total)}
                    </span>
                    <div className="muted">mine {formatCount(queue.progress.mine)}</div>
                  </td>
                  <td>{queue.definitions.map((d) => d.name).join(', ')}</td>
                  <td>
                    {queue.reviewers.length > 0 ? queue.reviewers.join(', ') : 'any annotator'}
                    <div className="muted">
                      {queue.reviewsNeeded} per item{queue.blind ? ' · blind' : ''}
                    </div>
                  </td>
                  <td>
                    {formatDateTime(queue.createdAt)}
                    <div className="muted">{queue.createdBy}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
