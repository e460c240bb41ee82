/**
 * Agreement between reviewers, as pure functions over the values they gave (issue #12). Values
 * are the stored 0–100 scores; for categorical and boolean definitions each distinct value is a
 * category. Every function answers null where its statistic is undefined (too few ratings, or
 * chance agreement already 1).
 */

/** How many times each value occurs. */
function tally(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Share of agreeing rater pairs on one item (Fleiss' P_i); null below two ratings. */
function itemAgreement(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  // An item has a handful of ratings: counting equal pairs allocates nothing.
  let same = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (values[i] === values[j]) same += 1;
  return same / ((n * (n - 1)) / 2);
}

/** Mean share of agreeing rater pairs over the items with at least two ratings (0–1). */
export function percentAgreement(items: readonly (readonly number[])[]): number | null {
  const shares = items.map(itemAgreement).filter((share) => share !== null);
  if (shares.length === 0) return null;
  return shares.reduce((sum, share) => sum + share, 0) / shares.length;
}

/** Cohen's kappa for two raters: one [first rater's value, second rater's value] pair per item. */
export function cohensKappa(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const first = tally(pairs.map(([a]) => a));
  const second = tally(pairs.map(([, b]) => b));
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  let chance = 0;
  for (const [value, count] of first) chance += (count / n) * ((second.get(value) ?? 0) / n);
  if (chance >= 1) return null;
  return (observed - chance) / (1 - chance);
}

/**
 * Fleiss' kappa: every item rated by the same number (≥ 2) of raters, not necessarily the same
 * people. null when the counts differ or chance agreement is 1.
 */
export function fleissKappa(items: readonly (readonly number[])[]): number | null {
  const n = items[0]?.length ?? 0;
  if (n < 2 || items.some((item) => item.length !== n)) return null;
  const total = items.length * n;
  const perCategory = tally(items.flat());
  let chance = 0;
  for (const count of perCategory.values()) chance += (count / total) ** 2;
  if (chance >= 1) return null;
  const observed = percentAgreement(items) ?? 0;
  return (observed - chance) / (1 - chance);
}

/** Mean |a − b| over every pair of ratings on the same item (numeric definitions). */
export function meanAbsoluteDifference(items: readonly (readonly number[])[]): number | null {
  let sum = 0;
  let pairs = 0;
  for (const item of items)
    for (let i = 0; i < item.length; i++)
      for (let j = i + 1; j < item.length; j++) {
        sum += Math.abs((item[i] as number) - (item[j] as number));
        pairs += 1;
      }
  return pairs === 0 ? null : sum / pairs;
}
