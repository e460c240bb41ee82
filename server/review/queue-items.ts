/**
 * Materialises a review queue's items from the list's filter: the matching requests newest
 * first, read in keyset pages of QUEUE_BATCH (the list planner, so each read has a bounded
 * cost) and appended one page per transaction, yielding to the event loop between pages so
 * ingest keeps its turn. Stops at `max` items (requests logged after the count are not chased).
 */
import type { RequestFilter } from '../../contract/api.ts';
import type { Store } from '../store/store.ts';

export const QUEUE_BATCH = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function addMatchingItems(
  store: Store,
  queueId: number,
  filter: RequestFilter,
  max: number,
): Promise<number> {
  let added = 0;
  let cursor: string | undefined;
  while (added < max) {
    const page = await store.listRequests({
      filter,
      sort: 'time',
      order: 'desc',
      limit: Math.min(QUEUE_BATCH, max - added),
      cursor,
    });
    if (page.rows.length === 0) break;
    added += await store.queues.addItems(
      queueId,
      page.rows.map((row) => row.id),
    );
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    await nextTurn();
  }
  return added;
}
