/** Where j/k go from the open request, over the rows the list has loaded so far. */

export type NeighborResult =
  | { kind: 'id'; id: number; index: number }
  /** At the end of what is loaded: fetch the next page and ask again. */
  | { kind: 'load-more' }
  | { kind: 'none' };

/**
 * @param lastIndex where the open request last sat in the list: when a write makes it leave a
 *   filtered list, the row that took its place is the next one.
 */
export function neighbor(
  ids: readonly number[],
  current: number,
  direction: 1 | -1,
  hasMore: boolean,
  lastIndex: number | null,
): NeighborResult {
  const index = ids.indexOf(current);
  let target: number;
  if (index !== -1) target = index + direction;
  else if (lastIndex !== null) target = direction === 1 ? lastIndex : lastIndex - 1;
  else target = direction === 1 ? 0 : -1;
  if (target < 0) return { kind: 'none' };
  if (target >= ids.length) return direction === 1 && hasMore ? { kind: 'load-more' } : { kind: 'none' };
  return { kind: 'id', id: ids[target] as number, index: target };
}
