import { describe, expect, it } from 'vitest';
import type { ScoreDefinition } from '../../contract/score-definitions.ts';
import type { ReviewValues } from '../store/queue-store.ts';
import { summarise } from './queue-summary.ts';

const base = { description: '', createdBy: 'Ada', createdAt: 0, archivedAt: null, step: 1 };
const safe: ScoreDefinition = {
  ...base,
  id: 1,
  name: 'safe',
  kind: 'boolean',
  min: 0,
  max: 100,
  labels: [
    { label: 'Fail', value: 0 },
    { label: 'Pass', value: 100 },
  ],
};
const accuracy: ScoreDefinition = {
  ...base,
  id: 2,
  name: 'accuracy',
  kind: 'numeric',
  min: 0,
  max: 10,
  labels: [],
};

const review = (requestId: number, reviewer: string, values: Record<string, number>): ReviewValues => ({
  requestId,
  reviewer,
  values,
});

describe('queue summary', () => {
  // Two reviewers on four items: safe agrees on 1, 2, 3 and not on 4; accuracy differs by 0, 2, 0, 10.
  const reviews = [
    review(1, 'Ann', { safe: 100, accuracy: 5 }),
    review(1, 'Bea', { safe: 100, accuracy: 5 }),
    review(2, 'Ann', { safe: 0, accuracy: 4 }),
    review(2, 'Bea', { safe: 0, accuracy: 6 }),
    review(3, 'Ann', { safe: 100, accuracy: 8 }),
    review(3, 'Bea', { safe: 100, accuracy: 8 }),
    review(4, 'Ann', { safe: 100, accuracy: 0 }),
    review(4, 'Bea', { safe: 0, accuracy: 10 }),
    review(5, 'Ann', { safe: 0 }),
  ];
  const summary = summarise([safe, accuracy], reviews, 2);

  it('counts each label, and numbers in ranges', () => {
    expect(summary.distributions[0]).toEqual({
      name: 'safe',
      buckets: [
        { label: 'Fail', value: 0, count: 4 },
        { label: 'Pass', value: 100, count: 5 },
      ],
    });
    const numbers = summary.distributions[1]?.buckets ?? [];
    expect(numbers.reduce((sum, b) => sum + b.count, 0)).toBe(8);
    expect(numbers.find((b) => b.label === '4–5')?.count).toBe(3);
  });

  it("agreement: 3 of 4 items, Cohen's kappa by hand (po 0.75, pe 0.5 → 0.5), mean absolute difference 3", () => {
    // Ann: pass 3 / fail 1 on items 1–4; Bea: pass 2 / fail 2. pe = 3/4·2/4 + 1/4·2/4 = 0.5.
    expect(summary.agreement[0]).toMatchObject({
      name: 'safe',
      items: 4,
      percentAgreement: 0.75,
      meanAbsoluteDifference: null,
    });
    expect(summary.agreement[0]?.cohensKappa).toBeCloseTo(0.5, 10);
    expect(summary.agreement[0]?.fleissKappa).not.toBeNull();
    expect(summary.agreement[1]).toMatchObject({
      name: 'accuracy',
      percentAgreement: null,
      cohensKappa: null,
      meanAbsoluteDifference: 3,
    });
  });

  it('lists the items where reviewers differ most first, leaving out those where they agree', () => {
    expect(summary.disputed).toEqual([
      { requestId: 4, spread: 1 },
      { requestId: 2, spread: 0.1 },
    ]);
  });
});
