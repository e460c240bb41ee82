import { describe, expect, it } from 'vitest';
import type { TraceSpan } from '../../../contract/traces.ts';
import { barOf, buildSpanTree, formatDurationUs } from './span-tree.ts';

const span = (spanId: string, parentSpanId: string | null, startUs: number, endUs: number): TraceSpan => ({
  spanId,
  parentSpanId,
  name: spanId,
  kind: 1,
  startUs,
  endUs,
  statusCode: 0,
  statusMessage: null,
  requestId: null,
});

describe('buildSpanTree', () => {
  it('orders depth-first with children by start time; orphans are roots', () => {
    const tree = buildSpanTree([
      span('b', 'root', 300, 400),
      span('root', null, 0, 1000),
      span('a', 'root', 100, 200),
      span('a1', 'a', 150, 160),
      span('orphan', 'missing', 500, 600),
    ]);
    expect(tree.rows.map((r) => `${r.depth}:${r.span.spanId}`)).toEqual([
      '0:root',
      '1:a',
      '2:a1',
      '1:b',
      '0:orphan',
    ]);
    expect([tree.startUs, tree.endUs]).toEqual([0, 1000]);
    expect(barOf(tree.rows[1]?.span as TraceSpan, tree)).toEqual({ left: 0.1, width: 0.1 });
  });

  it('survives a parent cycle and a 5,000-deep chain', () => {
    const cycle = buildSpanTree([span('x', 'y', 0, 1), span('y', 'x', 0, 1)]);
    expect(cycle.rows.map((r) => r.span.spanId).sort()).toEqual(['x', 'y']);
    const chain = Array.from({ length: 5000 }, (_, i) =>
      span(`s${i}`, i === 0 ? null : `s${i - 1}`, i, 10_000),
    );
    const tree = buildSpanTree(chain);
    expect(tree.rows).toHaveLength(5000);
    expect(tree.rows.at(-1)?.depth).toBe(4999);
  });

  it('formats durations', () => {
    expect([
      formatDurationUs(250),
      formatDurationUs(2500),
      formatDurationUs(250_000),
      formatDurationUs(2_500_000),
    ]).toEqual(['250 µs', '2.5 ms', '250 ms', '2.50 s']);
  });
});
