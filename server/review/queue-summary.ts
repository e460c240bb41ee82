/**
 * A queue's summary from its reviews (pure): how each definition's values are distributed,
 * how much reviewers agree, and the items where they differ most.
 */
import { REVIEW_QUEUE_LIMITS } from '../../contract/limits.ts';
import type { Agreement, QueueSummary } from '../../contract/review-queues.ts';
import type { ScoreDefinition } from '../../contract/score-definitions.ts';
import type { ReviewValues } from '../store/queue-store.ts';
import { cohensKappa, fleissKappa, meanAbsoluteDifference, percentAgreement } from './agreement.ts';

const NUMERIC_BINS = 10;

type Rating = { reviewer: string; value: number };

/** Each item's ratings of one definition, by request id. */
function ratingsOf(name: string, reviews: readonly ReviewValues[]): Map<number, Rating[]> {
  const byItem = new Map<number, Rating[]>();
  for (const review of reviews) {
    const value = review.values[name];
    if (value === undefined) continue;
    const list = byItem.get(review.requestId) ?? [];
    list.push({ reviewer: review.reviewer, value });
    byItem.set(review.requestId, list);
  }
  return byItem;
}

function distribution(definition: ScoreDefinition, values: readonly number[]) {
  if (definition.kind !== 'numeric')
    return definition.labels.map((label) => ({
      label: label.label,
      value: label.value,
      count: values.filter((v) => v === label.value).length,
    }));
  const span = definition.max - definition.min;
  const width = Math.max(1, Math.ceil((span + 1) / NUMERIC_BINS));
  const buckets: { label: string; value: number; count: number }[] = [];
  for (let lo = definition.min; lo <= definition.max; lo += width) {
    const hi = Math.min(definition.max, lo + width - 1);
    buckets.push({
      label: lo === hi ? String(lo) : `${lo}–${hi}`,
      value: lo,
      count: values.filter((v) => v >= lo && v <= hi).length,
    });
  }
  return buckets;
}

function agreementOf(definition: ScoreDefinition, items: Rating[][], reviewsNeeded: number): Agreement {
  const compared = items.filter((ratings) => ratings.length >= 2);
  const values = compared.map((ratings) => ratings.map((r) => r.value));
  const reviewers = [...new Set(compared.flatMap((ratings) => ratings.map((r) => r.reviewer)))];
  const categorical = definition.kind !== 'numeric';
  let cohen: number | null = null;
  if (categorical && reviewers.length === 2) {
    const [a, b] = reviewers as [string, string];
    const pairs = compared.map((ratings) => {
      const of = (who: string) => ratings.find((r) => r.reviewer === who)?.value as number;
      return [of(a), of(b)] as [number, number];
    });
    cohen = cohensKappa(pairs);
  }
  const fixed = values.filter((v) => v.length === reviewsNeeded);
  return {
    name: definition.name,
    kind: definition.kind,
    items: compared.length,
    percentAgreement: categorical ? percentAgreement(values) : null,
    cohensKappa: cohen,
    fleissKappa: categorical && fixed.length > 0 ? fleissKappa(fixed) : null,
    meanAbsoluteDifference: categorical ? null : meanAbsoluteDifference(values),
  };
}

/** How far apart an item's ratings are, 0 (all equal) to 1 (as far apart as the definition allows). */
function spread(definition: ScoreDefinition, values: readonly number[]): number {
  if (values.length < 2) return 0;
  if (definition.kind !== 'numeric') return 1 - (percentAgreement([values]) ?? 1);
  const range = definition.max - definition.min;
  return range === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / range;
}

/** The summary without the disputed items' reviews (the caller reads those few in full). */
export interface SummaryFigures extends Omit<QueueSummary, 'queue' | 'disputed'> {
  disputed: { requestId: number; spread: number }[];
}

export function summarise(
  definitions: readonly ScoreDefinition[],
  reviews: readonly ReviewValues[],
  reviewsNeeded: number,
): SummaryFigures {
  const spreads = new Map<number, number>();
  const distributions = [];
  const agreement = [];
  for (const definition of definitions) {
    const byItem = ratingsOf(definition.name, reviews);
    const items = [...byItem.values()];
    distributions.push({
      name: definition.name,
      buckets: distribution(
        definition,
        items.flatMap((ratings) => ratings.map((r) => r.value)),
      ),
    });
    agreement.push(agreementOf(definition, items, reviewsNeeded));
    for (const [requestId, ratings] of byItem)
      spreads.set(
        requestId,
        (spreads.get(requestId) ?? 0) +
          spread(
            definition,
            ratings.map((r) => r.value),
          ),
      );
  }
  const disputed = [...spreads]
    .filter(([, total]) => total > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, REVIEW_QUEUE_LIMITS.disputed)
    .map(([requestId, total]) => ({ requestId, spread: total / Math.max(1, definitions.length) }));
  return { distributions, agreement, disputed };
}
