/**
 * The drawer's trace: the request's trace as a span tree with a waterfall. An LLM span opens its
 * request in the drawer; any other span shows its details below. Loaded as its own chunk.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useRequestsView } from '../requests/url-state.ts';
import { traceQueries } from './api/trace-queries.ts';
import { SpanDetails } from './span-details.tsx';
import { buildSpanTree, formatDurationUs } from './span-tree.ts';
import { TraceWaterfall } from './trace-waterfall.tsx';
import './traces.css';

interface TraceSectionProps {
  traceId: string;
  requestId: number;
  spanId: string | null;
}

export default function TraceSection({ traceId, requestId, spanId }: TraceSectionProps) {
  const query = useQuery(traceQueries.trace(traceId));
  const { openRequest, setFilter, query: listQuery } = useRequestsView();
  const [selected, setSelected] = useState<string | null>(null);
  const tree = useMemo(() => (query.data ? buildSpanTree(query.data.spans) : null), [query.data]);
  const currentSpanId = spanId ?? query.data?.spans.find((s) => s.requestId === requestId)?.spanId ?? null;
  const filtered = (listQuery.filter.traceIds ?? []).includes(traceId);
  const llmCount = query.data?.spans.filter((s) => s.requestId !== null).length ?? 0;

  return (
    <section className="drawer-section trace-section" aria-labelledby="drawer-trace-title">
      <div className="drawer-section-head">
        <h3 id="drawer-trace-title" className="drawer-section-title">
          Trace
        </h3>
        <button
          type="button"
          className="drawer-btn drawer-btn-small"
          disabled={filtered}
          onClick={() => setFilter((prev) => ({ ...prev, traceIds: [traceId] }))}
        >
          {filtered ? "Showing this trace's requests" : "Show this trace's requests"}
        </button>
      </div>
      {query.isPending ? <p className="bp-muted">Loading trace…</p> : null}
      {query.isError ? <p role="alert">Could not load the trace: {query.error.message}</p> : null}
      {tree && query.data ? (
        <>
          <p className="trace-summary bp-muted">
            <span className="bp-mono">{traceId}</span> · {query.data.spans.length.toLocaleString()} spans ·{' '}
            {llmCount.toLocaleString()} LLM · {formatDurationUs(tree.endUs - tree.startUs)}
            {query.data.truncated ? ' · showing the first spans only' : ''}
          </p>
          <TraceWaterfall
            tree={tree}
            currentSpanId={currentSpanId}
            selectedSpanId={selected}
            onSelect={(clicked, linkedRequest) => {
              if (linkedRequest !== null && linkedRequest !== requestId)
                openRequest(linkedRequest, { replace: true });
              else setSelected(clicked === selected ? null : clicked);
            }}
          />
          {selected ? <SpanDetails traceId={traceId} spanId={selected} /> : null}
        </>
      ) : null}
    </section>
  );
}
