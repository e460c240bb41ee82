/** The active filters as removable chips (pure: tested in filter-chips-model.test.ts). */

import type { MetaCondition, RequestFilter } from '../../../../contract/api.ts';
import { formatStatus } from '../../../lib/format.ts';
import { reviewChips } from '../../review/review-chips.ts';
import type { RangePreset } from '../view-params.ts';
import type { MetadataOperator } from './metadata-filter.tsx';
import { NUMERIC_FIELD_LABELS, NUMERIC_OPERATOR_SIGNS } from './numeric-labels.ts';
import { timeRangeLabel } from './time-range.tsx';

export interface FilterChip {
  key: string;
  label: string;
  /** The filter without this condition. */
  without: (filter: RequestFilter) => RequestFilter;
  /** Chips for the time range clear the range instead of editing the filter. */
  isTime?: boolean;
}

const LIST_FIELDS = [
  ['models', 'Model'],
  ['providers', 'Provider'],
  ['statuses', 'Status'],
  ['tags', 'Tag'],
  ['promptNames', 'Prompt'],
] as const;

export function filterChips(filter: RequestFilter, range: RangePreset | null): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filter.q)
    chips.push({ key: 'q', label: `Search: “${filter.q}”`, without: ({ q: _q, ...rest }) => rest });
  if (range || filter.from !== undefined || filter.to !== undefined) {
    chips.push({
      key: 'time',
      label: `Time: ${timeRangeLabel(range, filter)}`,
      without: (f) => f,
      isTime: true,
    });
  }
  for (const [field, name] of LIST_FIELDS) {
    for (const value of filter[field]) {
      chips.push({
        key: `${field}:${value}`,
        label: `${name}: ${field === 'statuses' ? formatStatus(value) : value}`,
        without: (f) => ({ ...f, [field]: (f[field] as string[]).filter((v) => v !== value) }),
      });
    }
  }
  for (const version of filter.promptVersions ?? []) {
    chips.push({
      key: `promptVersion:${version}`,
      label: `Prompt version: ${version}`,
      without: (f) => ({ ...f, promptVersions: (f.promptVersions ?? []).filter((v) => v !== version) }),
    });
  }
  for (const traceId of filter.traceIds ?? []) {
    chips.push({
      key: `trace:${traceId}`,
      label: `Trace: ${traceId.slice(0, 8)}…`,
      without: (f) => ({ ...f, traceIds: (f.traceIds ?? []).filter((v) => v !== traceId) }),
    });
  }
  for (const { key, values } of filter.metadata) {
    for (const value of values) {
      chips.push({
        key: `meta:${key}=${value}`,
        label: `${key} = ${value}`,
        without: (f) => ({
          ...f,
          metadata: f.metadata
            .map((entry) =>
              entry.key === key ? { key, values: entry.values.filter((v) => v !== value) } : entry,
            )
            .filter((entry) => entry.values.length > 0),
        }),
      });
    }
  }
  for (const score of filter.scores) {
    const bounds =
      score.min !== undefined && score.max !== undefined
        ? `${score.min}–${score.max}`
        : score.min !== undefined
          ? `≥ ${score.min}`
          : score.max !== undefined
            ? `≤ ${score.max}`
            : 'any';
    chips.push({
      key: `score:${score.name}`,
      label: `Score ${score.name} ${bounds}`,
      without: (f) => ({ ...f, scores: f.scores.filter((s) => s.name !== score.name) }),
    });
  }
  chips.push(...reviewChips(filter), ...richerChips(filter));
  return chips;
}

/** Chips for exclusions, metadata operators and numeric conditions. */
function richerChips(filter: RequestFilter): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const [field, name] of LIST_FIELDS) {
    for (const value of filter.exclude?.[field] ?? []) {
      chips.push({
        key: `not:${field}:${value}`,
        label: `${name}: not ${field === 'statuses' ? formatStatus(value) : value}`,
        without: (f) => ({
          ...f,
          exclude: { ...f.exclude, [field]: (f.exclude?.[field] ?? []).filter((v) => v !== value) },
        }),
      });
    }
  }
  (filter.metaConditions ?? []).forEach((condition, index) => {
    const label =
      condition.op === 'not_in'
        ? `${condition.key} ≠ ${condition.values.join(', ')}`
        : condition.op === 'contains'
          ? `${condition.key} contains “${condition.value}”`
          : condition.op === 'exists'
            ? `${condition.key} exists`
            : `${condition.key} does not exist`;
    chips.push({
      key: `metacond:${index}:${label}`,
      label,
      without: (f) => ({ ...f, metaConditions: (f.metaConditions ?? []).filter((_, i) => i !== index) }),
    });
  });
  (filter.numeric ?? []).forEach(({ field, op, value }, index) => {
    chips.push({
      key: `numeric:${index}:${field}${op}${value}`,
      label: `${NUMERIC_FIELD_LABELS[field]} ${NUMERIC_OPERATOR_SIGNS[op]} ${value}`,
      without: (f) => ({ ...f, numeric: (f.numeric ?? []).filter((_, i) => i !== index) }),
    });
  });
  return chips;
}

/** Adds a metadata condition chosen in the metadata filter (=, ≠, contains, exists, does not exist). */
export function withMetadataCondition(
  filter: RequestFilter,
  key: string,
  op: MetadataOperator,
  value: string,
): RequestFilter {
  if (op === 'eq') return withMetadata(filter, key, value);
  const conditions = filter.metaConditions ?? [];
  if (op === 'ne') {
    const existing = conditions.find((c) => c.key === key && c.op === 'not_in');
    if (existing?.op === 'not_in') {
      if (existing.values.includes(value)) return filter;
      return {
        ...filter,
        metaConditions: conditions.map((c) =>
          c === existing ? { ...existing, values: [...existing.values, value] } : c,
        ),
      };
    }
    return { ...filter, metaConditions: [...conditions, { key, op: 'not_in', values: [value] }] };
  }
  const condition: MetaCondition =
    op === 'contains' ? { key, op: 'contains', value } : { key, op: op === 'exists' ? 'exists' : 'missing' };
  if (conditions.some((c) => JSON.stringify(c) === JSON.stringify(condition))) return filter;
  return { ...filter, metaConditions: [...conditions, condition] };
}

/** Adds `key = value` (OR with the key's other values, AND with other keys), without duplicates. */
export function withMetadata(filter: RequestFilter, key: string, value: string): RequestFilter {
  const existing = filter.metadata.find((entry) => entry.key === key);
  if (existing?.values.includes(value)) return filter;
  const metadata = existing
    ? filter.metadata.map((entry) => (entry.key === key ? { key, values: [...entry.values, value] } : entry))
    : [...filter.metadata, { key, values: [value] }];
  return { ...filter, metadata };
}

/** Adds or replaces the condition on one score name. */
export function withScore(filter: RequestFilter, condition: RequestFilter['scores'][number]): RequestFilter {
  return { ...filter, scores: [...filter.scores.filter((s) => s.name !== condition.name), condition] };
}

/** Sets the values a facet must not have (`not.<param>=`). */
export function withExcluded(
  filter: RequestFilter,
  field: keyof NonNullable<RequestFilter['exclude']>,
  values: string[],
): RequestFilter {
  return { ...filter, exclude: { ...filter.exclude, [field]: values } };
}
