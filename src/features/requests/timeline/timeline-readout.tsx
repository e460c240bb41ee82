/** What the hovered bucket holds: its time span, counts by status, cost and p95 latency. */
import type { TimelineBucket, TimelineMetric } from '../../../../contract/timeline.ts';
import { formatCost, formatCount, formatDateTime, formatLatency } from '../../../lib/format.ts';
import { requestsIn } from './timeline-geometry.ts';

export function TimelineReadout({
  bucket,
  bucketMs,
  metric,
  leftPercent,
}: {
  bucket: TimelineBucket;
  bucketMs: number;
  metric: TimelineMetric;
  leftPercent: number;
}) {
  const side = leftPercent > 60 ? 'right' : 'left';
  const position = side === 'left' ? { left: `${leftPercent}%` } : { right: `${100 - leftPercent}%` };
  return (
    <div className="timeline-readout" role="status" data-testid="timeline-readout" style={position}>
      <div className="timeline-readout-time">
        {formatDateTime(bucket.t)} – {formatDateTime(bucket.t + bucketMs)}
      </div>
      <dl>
        <dt>Requests</dt>
        <dd>{formatCount(requestsIn(bucket))}</dd>
        <dt className="timeline-key timeline-key-success">Success</dt>
        <dd>{formatCount(bucket.success)}</dd>
        <dt className="timeline-key timeline-key-warning">Warning</dt>
        <dd>{formatCount(bucket.warning)}</dd>
        <dt className="timeline-key timeline-key-error">Error</dt>
        <dd>{formatCount(bucket.error)}</dd>
        <dt>Cost</dt>
        <dd>{formatCost(bucket.cost)}</dd>
        {metric === 'latency' ? (
          <>
            <dt>p95 latency</dt>
            <dd>{bucket.p95LatencyMs == null ? '—' : `≈ ${formatLatency(bucket.p95LatencyMs)}`}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
