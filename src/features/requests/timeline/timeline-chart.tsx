/**
 * The bars of the timeline (plain SVG, one rect per bucket and status) with a hover readout and
 * a drag-to-zoom brush. Pointer positions are fractions of the plot's width, so the SVG can
 * stretch with the page without measuring it.
 */
import { useRef, useState } from 'react';
import type { TimelineMetric, TimelineResponse } from '../../../../contract/timeline.ts';
import { bucketIndexAt, describeTimeline, maxValue, rangeBetween, segmentsOf } from './timeline-geometry.ts';
import { TimelineReadout } from './timeline-readout.tsx';

const HEIGHT = 100;
/** Less than this share of the width between press and release is a click, not a drag. */
const CLICK_SLOP = 0.004;

export function TimelineChart({
  timeline,
  metric,
  onZoom,
}: {
  timeline: TimelineResponse;
  metric: TimelineMetric;
  onZoom: (range: { from: number; to: number }) => void;
}) {
  const plotRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [brush, setBrush] = useState<{ start: number; end: number } | null>(null);
  const { buckets } = timeline;
  const count = buckets.length;
  const max = maxValue(buckets, metric);

  const fractionOf = (clientX: number) => {
    const rect = plotRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
  };

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || count === 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = fractionOf(event.clientX);
    setBrush({ start: at, end: at });
  };
  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    const at = fractionOf(event.clientX);
    setHover(count > 0 ? bucketIndexAt(at, count) : null);
    if (brush) setBrush({ ...brush, end: at });
  };
  const onPointerUp = (event: React.PointerEvent<HTMLDivElement>) => {
    if (!brush) return;
    const end = fractionOf(event.clientX);
    setBrush(null);
    // A click zooms into the bucket under it; a drag into the buckets it spans.
    const range =
      Math.abs(end - brush.start) < CLICK_SLOP
        ? rangeBetween(timeline, end, end)
        : rangeBetween(timeline, brush.start, end);
    if (range) onZoom(range);
  };

  const barWidth = 1000 / Math.max(1, count);
  const hovered = hover === null ? undefined : buckets[hover];
  return (
    <div className="timeline-plot-wrap">
      <div
        ref={plotRef}
        className="timeline-plot"
        data-testid="timeline-plot"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setBrush(null)}
        onPointerLeave={() => {
          if (!brush) setHover(null);
        }}
      >
        <svg
          viewBox={`0 0 1000 ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={describeTimeline(timeline)}
          focusable="false"
        >
          {buckets.map((bucket, i) =>
            segmentsOf(bucket, metric, max).map((segment) => (
              <rect
                key={`${bucket.t}-${segment.kind}`}
                className={`timeline-bar timeline-bar-${segment.kind}${i === hover ? ' is-hovered' : ''}`}
                x={i * barWidth + barWidth * 0.08}
                width={barWidth * 0.84}
                y={HEIGHT * (1 - segment.y1)}
                height={Math.max(HEIGHT * (segment.y1 - segment.y0), 0.6)}
              />
            )),
          )}
        </svg>
        {brush && Math.abs(brush.end - brush.start) >= CLICK_SLOP ? (
          <div
            className="timeline-brush"
            style={{
              left: `${Math.min(brush.start, brush.end) * 100}%`,
              width: `${Math.abs(brush.end - brush.start) * 100}%`,
            }}
          />
        ) : null}
      </div>
      {hovered && hover !== null ? (
        <TimelineReadout
          bucket={hovered}
          bucketMs={timeline.bucketMs}
          metric={metric}
          leftPercent={((hover + 0.5) / count) * 100}
        />
      ) : null}
    </div>
  );
}
