/** The span tree with its timeline: virtualized rows, bars to scale, LLM spans marked. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { barOf, formatDurationUs, type SpanTree } from './span-tree.ts';

const ROW_HEIGHT = 26;
const INDENT_PX = 12;
const MAX_INDENT_DEPTH = 24;
const MAX_VISIBLE_ROWS = 12;

interface TraceWaterfallProps {
  tree: SpanTree;
  currentSpanId: string | null;
  selectedSpanId: string | null;
  onSelect: (spanId: string, requestId: number | null) => void;
}

export function TraceWaterfall({ tree, currentSpanId, selectedSpanId, onSelect }: TraceWaterfallProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tree.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  // Bring the open request's span into view (a DOM effect: the list scrolls, no state changes).
  const currentIndex = tree.rows.findIndex((row) => row.span.spanId === currentSpanId);
  useEffect(() => {
    if (currentIndex > 0) virtualizer.scrollToIndex(currentIndex, { align: 'center' });
  }, [currentIndex, virtualizer]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualized list of absolutely positioned rows; ul/li would need their list styling undone for nothing
    <div
      ref={scrollRef}
      className="trace-scroll"
      role="list"
      aria-label="Spans of this trace"
      style={{ height: Math.min(tree.rows.length, MAX_VISIBLE_ROWS) * ROW_HEIGHT + 2 }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const { span, depth } = tree.rows[item.index] as SpanTree['rows'][number];
          const bar = barOf(span, tree);
          const isLlm = span.requestId !== null;
          const duration = formatDurationUs(span.endUs - span.startUs);
          const failed = span.statusCode === 2;
          const classes = ['trace-row'];
          if (span.spanId === currentSpanId) classes.push('trace-row-current');
          if (span.spanId === selectedSpanId) classes.push('trace-row-selected');
          return (
            // biome-ignore lint/a11y/useSemanticElements: rows of the virtualized list above
            <div
              key={span.spanId}
              role="listitem"
              className="trace-row-item"
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <button
                type="button"
                className={classes.join(' ')}
                aria-current={span.spanId === currentSpanId ? 'true' : undefined}
                aria-label={`${span.name || '(unnamed span)'}, ${duration}${isLlm ? `, LLM request ${span.requestId}` : ''}${failed ? ', error' : ''}`}
                onClick={() => onSelect(span.spanId, span.requestId)}
              >
                <span
                  className="trace-name"
                  style={{ paddingLeft: Math.min(depth, MAX_INDENT_DEPTH) * INDENT_PX }}
                >
                  {isLlm ? <span className="trace-llm-badge">LLM</span> : null}
                  {failed ? <span className="trace-error-dot" aria-hidden="true" /> : null}
                  <span className="trace-name-text">{span.name || '(unnamed span)'}</span>
                </span>
                <span className="trace-track" aria-hidden="true">
                  <span
                    className={`trace-bar${isLlm ? ' trace-bar-llm' : ''}${failed ? ' trace-bar-error' : ''}`}
                    style={{ left: `${bar.left * 100}%`, width: `max(2px, ${bar.width * 100}%)` }}
                  />
                </span>
                <span className="trace-duration">{duration}</span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
