import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohensKappa, fleissKappa, meanAbsoluteDifference, percentAgreement } from './agreement.ts';

/** Rows of counts per category (one row per item) as the ratings they stand for. */
const fromCounts = (rows: number[][]) =>
  rows.map((row) => row.flatMap((count, category) => Array(count).fill(category)));

describe('agreement statistics against textbook examples', () => {
  it("Fleiss' kappa: Fleiss (1971) as worked on Wikipedia: 10 items, 14 raters, 5 categories → 0.210", () => {
    const items = fromCounts([
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]);
    expect(percentAgreement(items)).toBeCloseTo(0.378, 3);
    expect(fleissKappa(items)).toBeCloseTo(0.21, 3);
  });

  it("Cohen's kappa: 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15 → po 0.7, pe 0.5, κ 0.4", () => {
    const pairs: [number, number][] = [
      ...Array<[number, number]>(20).fill([100, 100]),
      ...Array<[number, number]>(5).fill([100, 0]),
      ...Array<[number, number]>(10).fill([0, 100]),
      ...Array<[number, number]>(15).fill([0, 0]),
    ];
    expect(cohensKappa(pairs)).toBeCloseTo(0.4, 10);
    expect(percentAgreement(pairs.map(([a, b]) => [a, b]))).toBeCloseTo(0.7, 10);
  });

  it('mean absolute difference over pairs on each item', () => {
    expect(
      meanAbsoluteDifference([
        [10, 20],
        [5, 5],
        [0, 30, 60],
      ]),
    ).toBeCloseTo((10 + 0 + 30 + 60 + 30) / 5, 10);
  });

  it('is null where the statistic is undefined', () => {
    expect(percentAgreement([[1]])).toBeNull();
    expect(cohensKappa([])).toBeNull();
    expect(
      cohensKappa([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    expect(
      fleissKappa([
        [1, 2],
        [1, 2, 3],
      ]),
    ).toBeNull();
    expect(fleissKappa([[1]])).toBeNull();
    expect(meanAbsoluteDifference([[3]])).toBeNull();
  });
});

describe('agreement statistics: properties', () => {
  const category = fc.integer({ min: 0, max: 4 });
  const pairs = fc.array(fc.tuple(category, category), { minLength: 1, maxLength: 60 });

  it("Cohen's kappa is at most 1, symmetric in the raters, and 1 when they always agree on more than one category", () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const kappa = cohensKappa(ps);
        const swapped = cohensKappa(ps.map(([a, b]) => [b, a] as [number, number]));
        if (kappa === null) {
          expect(swapped).toBeNull();
          return;
        }
        expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
        expect(swapped).toBeCloseTo(kappa, 10);
        const same = ps.map(([a]) => [a, a] as [number, number]);
        const agreed = cohensKappa(same);
        if (new Set(same.map(([a]) => a)).size > 1) expect(agreed).toBeCloseTo(1, 10);
      }),
    );
  });

  it("Fleiss' kappa never exceeds 1 and percent agreement stays within 0–1", () => {
    const items = fc
      .integer({ min: 2, max: 5 })
      .chain((n) =>
        fc.array(fc.array(category, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 30 }),
      );
    fc.assert(
      fc.property(items, (its) => {
        const kappa = fleissKappa(its);
        if (kappa !== null) expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
        const share = percentAgreement(its) as number;
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('mean absolute difference is 0 exactly when every item’s ratings are equal', () => {
    const items = fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 4 }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(items, (its) => {
        const mad = meanAbsoluteDifference(its) as number;
        expect(mad).toBeGreaterThanOrEqual(0);
        expect(mad === 0).toBe(its.every((item) => new Set(item).size === 1));
      }),
    );
  });
});
