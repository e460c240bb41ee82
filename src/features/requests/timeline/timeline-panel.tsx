/**
 * The timeline above the requests table: the current view's requests over its time range
 * (stacked by status), or their cost or p95 latency. Dragging across it (or clicking a bar)
 * narrows the view's time filter; the URL changes, so Back undoes it.
 */
import { useQuery } from '@tanstack/react-query';
import type { TimelineMetric, TimelineResponse } from '../../../../contract/timeline.ts';
import { formatCost, formatCount, formatDateTime, formatLatency } from '../../../lib/format.ts';
import type { RequestsView } from '../url-state.ts';
import { TimelineChart } from './timeline-chart.tsx';
import { describeBucket, maxValue, requestsIn } from './timeline-geometry.ts';
import { timelineQuery } from './timeline-query.ts';
import { useTimelineMetric } from './use-timeline-metric.ts';
import './timeline.css';

const METRIC_LABELS: Record<TimelineMetric, string> = {
  volume: 'Requests',
  cost: 'Cost',
  latency: 'p95 latency',
};

function formatMax(value: number, metric: TimelineMetric): string {
  if (metric === 'cost') return formatCost(value);
  if (metric === 'latency') return formatLatency(value);
  return formatCount(value);
}

function Summary({ timeline }: { timeline: TimelineResponse }) {
  const total = timeline.buckets.reduce((n, b) => n + requestsIn(b), 0);
  const errors = timeline.buckets.reduce((n, b) => n + b.error, 0);
  const cost = timeline.buckets.reduce((n, b) => n + b.cost, 0);
  return (
    <p className="timeline-summary">
      {/* Not "N requests": that is the table's count line, which specs and readers look for alone. */}
      Charted: {formatCount(total)}
      {total > 0 ? ` · ${((errors / total) * 100).toFixed(1)}% errors · ${formatCost(cost)}` : ''} · per{' '}
      {describeBucket(timeline.bucketMs)}
    </p>
  );
}

export function TimelinePanel({ view }: { view: RequestsView }) {
  const [metric, setMetric] = useTimelineMetric();
  const timeline = useQuery({ ...timelineQuery(view.query.filter, metric), meta: { silent: true } });
  const data = timeline.data;
  const zoom = (range: { from: number; to: number }) => view.setRange(range);

  let body: React.ReactNode;
  if (timeline.isPending) {
    body = <div className="timeline-skeleton" role="progressbar" aria-label="Loading the timeline" />;
  } else if (timeline.isError && !data) {
    body = (
      <div className="timeline-message" role="alert">
        Could not load the timeline: {timeline.error.message}{' '}
        <button type="button" className="btn btn-sm" onClick={() => void timeline.refetch()}>
          Retry
        </button>
      </div>
    );
  } else if (data) {
    const empty = data.buckets.every((b) => requestsIn(b) === 0);
    body = (
      <>
        <div className="timeline-frame">
          <span className="timeline-max" aria-hidden="true">
            {empty ? '' : formatMax(maxValue(data.buckets, metric), metric)}
          </span>
          <TimelineChart timeline={data} metric={metric} onZoom={zoom} />
          {empty ? <p className="timeline-empty">No requests in this range</p> : null}
        </div>
        <div className="timeline-axis" aria-hidden="true">
          <span>{data.from === null ? '' : formatDateTime(data.from)}</span>
          <span>{data.to === null ? '' : formatDateTime(data.to)}</span>
        </div>
        {data.truncatedBeforeMs !== null ? (
          <p className="timeline-note">
            Counted the newest {formatCount(100_000)} matching requests: those before{' '}
            {formatDateTime(data.truncatedBeforeMs)} are not drawn. Narrow the time range to see them.
          </p>
        ) : null}
      </>
    );
  }

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-head">
        {data ? <Summary timeline={data} /> : <p className="timeline-summary"> </p>}
        {metric === 'volume' ? (
          <ul className="timeline-legend" aria-label="Legend">
            <li className="timeline-key timeline-key-success">Success</li>
            <li className="timeline-key timeline-key-warning">Warning</li>
            <li className="timeline-key timeline-key-error">Error</li>
          </ul>
        ) : null}
        {/* biome-ignore lint/a11y/useSemanticElements: a toggle group of buttons, as Radix renders one */}
        <div className="timeline-metrics" role="group" aria-label="Timeline shows">
          {(Object.keys(METRIC_LABELS) as TimelineMetric[]).map((m) => (
            <button
              key={m}
              type="button"
              className="btn btn-sm"
              aria-pressed={metric === m}
              onClick={() => setMetric(m)}
            >
              {METRIC_LABELS[m]}
            </button>
          ))}
        </div>
      </div>
      {body}
    </section>
  );
}
