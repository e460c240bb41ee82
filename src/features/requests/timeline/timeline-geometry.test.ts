import { describe, expect, it } from 'vitest';
import type { TimelineResponse } from '../../../../contract/timeline.ts';
import {
  bucketIndexAt,
  describeBucket,
  describeTimeline,
  rangeBetween,
  segmentsOf,
} from './timeline-geometry.ts';

const HOUR = 3_600_000;
const timeline: TimelineResponse = {
  bucketMs: HOUR,
  from: 30 * 60_000,
  to: 4 * HOUR,
  source: 'rollup',
  truncatedBeforeMs: null,
  buckets: [0, 1, 2, 3].map((i) => ({
    t: i * HOUR,
    success: i,
    warning: 1,
    error: i === 2 ? 5 : 0,
    cost: 0.1,
  })),
};

const bucket = (i: number) => {
  const found = timeline.buckets[i];
  if (!found) throw new Error(`no bucket ${i}`);
  return found;
};

describe('timeline geometry', () => {
  it('stacks success, warning, error from the bottom as shares of the tallest bar', () => {
    expect(segmentsOf(bucket(2), 'volume', 8)).toEqual([
      { kind: 'success', y0: 0, y1: 2 / 8 },
      { kind: 'warning', y0: 2 / 8, y1: 3 / 8 },
      { kind: 'error', y0: 3 / 8, y1: 1 },
    ]);
    expect(segmentsOf(bucket(0), 'cost', 0.2)).toEqual([{ kind: 'value', y0: 0, y1: 0.5 }]);
  });

  it('turns a drag into whole buckets clipped to the drawn range, either direction', () => {
    expect(rangeBetween(timeline, 0.6, 0.1)).toEqual({ from: 30 * 60_000, to: 3 * HOUR });
    expect(rangeBetween(timeline, 0.99, 0.99)).toEqual({ from: 3 * HOUR, to: 4 * HOUR });
    expect(bucketIndexAt(1, 4)).toBe(3);
  });

  it('names bucket sizes and summarises the chart', () => {
    expect(describeBucket(5 * 60_000)).toBe('5 minutes');
    expect(describeBucket(7 * 24 * HOUR)).toBe('7 days');
    expect(describeTimeline(timeline)).toBe(
      'Requests per 1 hour: 6 success, 4 warning, 5 error; busiest 1 hour starts 1970-01-01T02:00:00.000Z with 8',
    );
  });
});
