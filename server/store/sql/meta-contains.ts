/**
 * Metadata `contains` (`meta_contains.<key>=<text>`, case-insensitive) resolved before planning:
 * the key's distinct values come from metadata_value_counts (a counter table, one row per value,
 * no request rows read), the matching ones become an ordinary "value in" condition, which drives
 * a page from the (key, value, start_ms) index and is counted like any other. The cost is bounded
 * twice: at most CONTAINS_SCAN_MAX distinct values are read, and at most CONTAINS_VALUES_MAX may
 * match; past either the filter is refused (400 naming the parameter) rather than scanning.
 */

import type { MetaCondition, RequestFilter } from '../../../contract/api.ts';
import { FILTER_LIMITS } from '../../../contract/limits.ts';
import { FilterTooBroadError } from '../errors.ts';

export const CONTAINS_SCAN_MAX = 10_000;
export const CONTAINS_VALUES_MAX = FILTER_LIMITS.valuesPerParam;

/** The keys whose distinct values resolving the filter needs (none: nothing to resolve). */
export function containsKeys(filter: RequestFilter): string[] {
  const keys = (filter.metaConditions ?? []).flatMap((c) => (c.op === 'contains' ? [c.key] : []));
  return [...new Set(keys)];
}

/** Which of `values` contain `text`, ignoring case. */
export function containsMatches(values: readonly string[], text: string): string[] {
  const needle = text.toLowerCase();
  return values.filter((value) => value.toLowerCase().includes(needle));
}

/**
 * The filter with every metadata `contains` replaced by the key's matching values, given up to
 * CONTAINS_SCAN_MAX + 1 distinct values of each key in containsKeys(filter).
 */
export function applyMetaContains(
  filter: RequestFilter,
  valuesByKey: ReadonlyMap<string, readonly string[]>,
): RequestFilter {
  if (containsKeys(filter).length === 0) return filter;
  const metadata = [...filter.metadata];
  const rest: MetaCondition[] = [];
  for (const condition of filter.metaConditions ?? []) {
    if (condition.op !== 'contains') {
      rest.push(condition);
      continue;
    }
    const param = `meta_contains.${condition.key}`;
    const values = valuesByKey.get(condition.key) ?? [];
    if (values.length > CONTAINS_SCAN_MAX)
      throw new FilterTooBroadError(
        param,
        `the key has more than ${CONTAINS_SCAN_MAX} distinct values; filter it with meta.${condition.key}=<value> instead`,
      );
    const matched = containsMatches(values, condition.value);
    if (matched.length > CONTAINS_VALUES_MAX)
      throw new FilterTooBroadError(
        param,
        `"${condition.value}" matches more than ${CONTAINS_VALUES_MAX} distinct values; make it longer`,
      );
    // No value contains the text, so none equals it either: "value in [text]" matches nothing.
    metadata.push({ key: condition.key, values: matched.length > 0 ? matched : [condition.value] });
  }
  return { ...filter, metadata, metaConditions: rest };
}

/** The resolved filter, or null when resolving found it too broad (the caller has another plan). */
export function resolvedUnlessTooBroad(resolve: () => RequestFilter): RequestFilter | null;
export function resolvedUnlessTooBroad(resolve: () => Promise<RequestFilter>): Promise<RequestFilter | null>;
export function resolvedUnlessTooBroad(
  resolve: () => RequestFilter | Promise<RequestFilter>,
): RequestFilter | null | Promise<RequestFilter | null> {
  const tooBroad = (error: unknown) => {
    if (error instanceof FilterTooBroadError) return null;
    throw error;
  };
  try {
    const result = resolve();
    return result instanceof Promise ? result.catch(tooBroad) : result;
  } catch (error) {
    return tooBroad(error);
  }
}
