/**
 * A trace's spans as the rows of a tree, depth-first, children by start time; spans whose parent
 * is not in the trace are roots. Iterative, so a 5,000-deep chain costs no stack.
 */
import type { TraceSpan } from '../../../contract/traces.ts';

export interface SpanRow {
  span: TraceSpan;
  depth: number;
}

export interface SpanTree {
  rows: SpanRow[];
  startUs: number;
  endUs: number;
}

const byStart = (a: TraceSpan, b: TraceSpan) => a.startUs - b.startUs || a.endUs - b.endUs;

export function buildSpanTree(spans: readonly TraceSpan[]): SpanTree {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, TraceSpan[]>();
  const roots: TraceSpan[] = [];
  let startUs = Number.POSITIVE_INFINITY;
  let endUs = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    startUs = Math.min(startUs, span.startUs);
    endUs = Math.max(endUs, span.endUs);
    const parent = span.parentSpanId;
    if (parent && ids.has(parent) && parent !== span.spanId) {
      const list = children.get(parent);
      if (list) list.push(span);
      else children.set(parent, [span]);
    } else roots.push(span);
  }
  const rows: SpanRow[] = [];
  const seen = new Set<string>();
  const stack: SpanRow[] = roots
    .sort(byStart)
    .reverse()
    .map((span) => ({ span, depth: 0 }));
  while (stack.length > 0) {
    const row = stack.pop() as SpanRow;
    // A parent cycle in bad data must not loop forever.
    if (seen.has(row.span.spanId)) continue;
    seen.add(row.span.spanId);
    rows.push(row);
    const kids = children.get(row.span.spanId);
    if (kids)
      for (const kid of [...kids].sort(byStart).reverse()) stack.push({ span: kid, depth: row.depth + 1 });
  }
  // Spans only reachable through a cycle still appear, at the top level.
  for (const span of spans) if (!seen.has(span.spanId)) rows.push({ span, depth: 0 });
  if (spans.length === 0) return { rows, startUs: 0, endUs: 0 };
  return { rows, startUs, endUs };
}

/** Where a span's bar sits on the timeline, as fractions of the trace's duration. */
export function barOf(span: TraceSpan, tree: SpanTree): { left: number; width: number } {
  const total = Math.max(1, tree.endUs - tree.startUs);
  return { left: (span.startUs - tree.startUs) / total, width: (span.endUs - span.startUs) / total };
}

export function formatDurationUs(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(us < 10_000 ? 1 : 0)} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}
