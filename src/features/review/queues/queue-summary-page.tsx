/** /queues/<id>/summary: distributions, per-reviewer counts, agreement, and the most disputed items. */
import { useQuery } from '@tanstack/react-query';
import type { Agreement, QueueSummary } from '../../../../contract/review-queues.ts';
import { labelFor } from '../../../../contract/score-definitions.ts';
import { formatCount } from '../../../lib/format.ts';
import { onLinkClick } from '../../prompts/prompts-url.ts';
import { queueQueries } from './queue-queries.ts';
import { queuesHref } from './queues-url.ts';
import './queues.css';

const fixed = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

export function QueueSummaryPage({ queueId }: { queueId: number }) {
  const summary = useQuery(queueQueries.summary(queueId));
  if (summary.isError) return <p role="alert">{summary.error.message}</p>;
  if (!summary.data) return <p className="muted queue-summary">Loading…</p>;
  const { queue, distributions, agreement } = summary.data;
  const { progress } = queue;
  return (
    <section className="queue-summary" aria-labelledby="summary-title">
      <div className="queue-summary-head">
        <h1 id="summary-title">Summary: {queue.name}</h1>
        <a href={queuesHref({ page: 'review', id: queueId })} onClick={onLinkClick}>
          Review
        </a>
        <a href={`/?in_queue=${queueId}%3Apending`} onClick={onLinkClick}>
          Pending items
        </a>
        <a href={`/?in_queue=${queueId}%3Adone`} onClick={onLinkClick}>
          Done items
        </a>
        <a href={queuesHref({ page: 'list' })} onClick={onLinkClick}>
          All queues
        </a>
      </div>
      <p className="queue-progress">
        {formatCount(progress.done)} / {formatCount(progress.total)} done · {formatCount(progress.reviews)}{' '}
        reviews · {queue.reviewsNeeded} per item{queue.blind ? ' · blind' : ''}
      </p>
      {progress.reviews === 0 ? (
        <p className="queue-empty">
          No reviews yet: agreement shows once two reviewers have scored the same items.
        </p>
      ) : (
        <>
          <ReviewerCounts byReviewer={progress.byReviewer} />
          <AgreementTable agreement={agreement} />
          <Distributions distributions={distributions} />
          <Disputed summary={summary.data} />
        </>
      )}
    </section>
  );
}

function ReviewerCounts({ byReviewer }: { byReviewer: QueueSummary['queue']['progress']['byReviewer'] }) {
  return (
    <div className="queues-table-wrap">
      <table className="queues-table queues-table-compact" aria-label="Reviews per reviewer">
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Reviews</th>
          </tr>
        </thead>
        <tbody>
          {byReviewer.map((row) => (
            <tr key={row.reviewer}>
              <td>{row.reviewer}</td>
              <td>{formatCount(row.reviews)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AgreementTable({ agreement }: { agreement: readonly Agreement[] }) {
  return (
    <div className="queues-table-wrap">
      <table className="queues-table" aria-label="Agreement between reviewers">
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Items compared</th>
            <th scope="col">Agreement</th>
            <th scope="col">Cohen's κ</th>
            <th scope="col">Fleiss' κ</th>
            <th scope="col">Mean abs. difference</th>
          </tr>
        </thead>
        <tbody>
          {agreement.map((row) => (
            <tr key={row.name}>
              <td>{row.name}</td>
              <td>{formatCount(row.items)}</td>
              <td>{percent(row.percentAgreement)}</td>
              <td>{fixed(row.cohensKappa)}</td>
              <td>{fixed(row.fleissKappa)}</td>
              <td>{fixed(row.meanAbsoluteDifference, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Distributions({ distributions }: { distributions: QueueSummary['distributions'] }) {
  return (
    <div className="queue-distributions">
      {distributions.map((d) => {
        const most = Math.max(1, ...d.buckets.map((b) => b.count));
        return (
          <figure key={d.name} className="queue-distribution">
            <figcaption>{d.name}</figcaption>
            <ul aria-label={`${d.name} distribution`}>
              {d.buckets.map((b) => (
                <li key={b.label}>
                  <span className="queue-bar-label">{b.label}</span>
                  <span className="queue-bar" style={{ width: `${(b.count / most) * 100}%` }} />
                  <span className="queue-bar-count">{formatCount(b.count)}</span>
                </li>
              ))}
            </ul>
          </figure>
        );
      })}
    </div>
  );
}

function Disputed({ summary }: { summary: QueueSummary }) {
  const { disputed, queue } = summary;
  const shown = (name: string, value: number) => {
    const definition = queue.definitions.find((d) => d.name === name);
    return (definition && labelFor(definition, value)) ?? String(value);
  };
  return (
    <section aria-labelledby="disputed-title">
      <h2 id="disputed-title" className="queue-subtitle">
        Where reviewers disagree most
      </h2>
      {disputed.length === 0 ? (
        <p className="muted">No disagreement so far.</p>
      ) : (
        <ol className="queue-disputed">
          {disputed.map((item) => (
            <li key={item.requestId}>
              <a href={`/?request=${item.requestId}`} onClick={onLinkClick}>
                Request {item.requestId}
              </a>{' '}
              <span className="muted">spread {Math.round(item.spread * 100)}%</span>
              <ul>
                {item.reviews.map((r) => (
                  <li key={r.reviewer}>
                    {r.reviewer}:{' '}
                    {Object.entries(r.values)
                      .map(([name, value]) => `${name} ${shown(name, value)}`)
                      .join(', ')}
                    {r.comment ? <span className="muted"> — {r.comment}</span> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
