/** Review queues: items, leases (never two reviewers on one open slot), reviews, skips, undo, progress. */
import { describe, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import type { NewQueueRow } from '../queue-store.ts';
import type { Store } from '../store.ts';
import { type ContractContext, filter } from './context.ts';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const LEASE = 60_000;

const queueRow = (overrides: Partial<NewQueueRow> = {}): NewQueueRow => ({
  name: 'Helpfulness pass',
  description: '',
  definitionIds: [1],
  reviewers: [],
  reviewsNeeded: 1,
  blind: true,
  sourceQuery: 'model=gpt-4o',
  ...overrides,
});

async function queueWith(store: Store, items: number, overrides: Partial<NewQueueRow> = {}) {
  const ids = await store.insertRequests(Array.from({ length: items }, () => makeNewRequest()));
  const queue = await store.queues.createQueue(queueRow(overrides), 'Ada', NOW);
  await store.queues.addItems(queue.id, ids);
  return { queue, ids };
}

export function defineQueueTests(ctx: ContractContext): void {
  describe('review queues', () => {
    it('stores a queue and appends items in order, once each, leaving out requests that do not exist', async () => {
      const store = ctx.store();
      const ids = await store.insertRequests([makeNewRequest(), makeNewRequest(), makeNewRequest()]);
      const queue = await store.queues.createQueue(
        queueRow({ reviewers: ['Bo', 'Cy'], reviewsNeeded: 2, blind: false, sourceQuery: null }),
        'Ada',
        NOW,
      );
      expect(queue).toMatchObject({
        name: 'Helpfulness pass',
        reviewers: ['Bo', 'Cy'],
        reviewsNeeded: 2,
        blind: false,
        sourceQuery: null,
        createdBy: 'Ada',
        createdAt: NOW,
      });
      const [a, b, c] = ids as [number, number, number];
      expect(await store.queues.addItems(queue.id, [c, a, c, 999_999])).toBe(2);
      expect(await store.queues.addItems(queue.id, [a, b])).toBe(1);
      expect(await store.queues.countItems(queue.id)).toBe(3);
      expect(await store.queues.getQueue(queue.id)).toEqual(queue);
      expect((await store.queues.listQueues()).map((q) => q.id)).toEqual([queue.id]);
      expect(await store.queues.getQueue(queue.id + 1)).toBeNull();
      // Queue order is the order added (c, a, b); c needs two reviews, so two reviewers share it.
      const order: number[] = [];
      for (const reviewer of ['r1', 'r2', 'r3']) {
        const item = await store.queues.claimNext(queue.id, reviewer, NOW, LEASE);
        order.push(item?.requestId ?? 0);
      }
      expect(order).toEqual([c, c, a]);
    });

    it('never hands one open item to two reviewers asking at the same time', async () => {
      const store = ctx.store();
      const { queue, ids } = await queueWith(store, 6);
      const reviewers = Array.from({ length: 10 }, (_, i) => `reviewer ${i}`);
      const claims = await Promise.all(reviewers.map((r) => store.queues.claimNext(queue.id, r, NOW, LEASE)));
      const handed = claims.filter((c) => c !== null).map((c) => c.requestId);
      expect(handed.sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
      expect(claims.filter((c) => c === null)).toHaveLength(4);
    });

    it('gives a reviewer their held item again, and frees it once the lease expires', async () => {
      const store = ctx.store();
      const { queue, ids } = await queueWith(store, 1);
      const first = await store.queues.claimNext(queue.id, 'Bo', NOW, LEASE);
      expect(first).toEqual({ requestId: ids[0], leaseExpiresAt: NOW + LEASE });
      expect(await store.queues.claimNext(queue.id, 'Bo', NOW + 10, LEASE)).toEqual({
        requestId: ids[0],
        leaseExpiresAt: NOW + 10 + LEASE,
      });
      expect(await store.queues.claimNext(queue.id, 'Cy', NOW + 20, LEASE)).toBeNull();
      expect(await store.queues.claimNext(queue.id, 'Cy', NOW + 10 + LEASE, LEASE)).toMatchObject({
        requestId: ids[0],
      });
    });

    it('lets as many reviewers hold an item as it needs reviews, and never gives it back to one who reviewed it', async () => {
      const store = ctx.store();
      const { queue, ids } = await queueWith(store, 2, { reviewsNeeded: 2 });
      const [a, b] = ids as [number, number];
      expect((await store.queues.claimNext(queue.id, 'Bo', NOW, LEASE))?.requestId).toBe(a);
      expect(await store.queues.peekNext(queue.id, 'Bo', a)).toBe(b);
      expect((await store.queues.claimNext(queue.id, 'Cy', NOW, LEASE))?.requestId).toBe(a);
      expect((await store.queues.claimNext(queue.id, 'Di', NOW, LEASE))?.requestId).toBe(b);
      const submitted = await store.queues.submitReview({
        queueId: queue.id,
        requestId: a,
        reviewer: 'Bo',
        values: { helpfulness: 100 },
        comment: null,
        nowMs: NOW + 1,
      });
      expect(submitted.ok).toBe(true);
      // Bo reviewed a; b is held by Di but needs two reviews: Bo gets b.
      expect((await store.queues.claimNext(queue.id, 'Bo', NOW + 2, LEASE))?.requestId).toBe(b);
      expect(await store.queues.claimNext(queue.id, 'Ed', NOW + 2, LEASE)).toBeNull();
    });

    it('refuses a second review by the same reviewer, a review past the needed count, one without room, and one off the queue', async () => {
      const store = ctx.store();
      const { queue, ids } = await queueWith(store, 1);
      const id = ids[0] as number;
      const submit = (reviewer: string, requestId = id, nowMs = NOW + 1) =>
        store.queues.submitReview({
          queueId: queue.id,
          requestId,
          reviewer,
          values: { helpfulness: 50 },
          comment: 'fine',
          nowMs,
        });
      await store.queues.claimNext(queue.id, 'Bo', NOW, LEASE);
      expect(await submit('Cy')).toEqual({ ok: false, reason: 'item_reserved' });
      expect(await submit('Bo', 999_999)).toEqual({ ok: false, reason: 'not_in_queue' });
      const done = await submit('Bo');
      expect(done).toMatchObject({
        ok: true,
        review: { reviewer: 'Bo', values: { helpfulness: 50 }, comment: 'fine' },
      });
      expect(await submit('Bo')).toEqual({ ok: false, reason: 'already_reviewed' });
      expect(await submit('Cy')).toEqual({ ok: false, reason: 'item_done' });
      expect(await store.queues.claimNext(queue.id, 'Cy', NOW + 2, LEASE)).toBeNull();
    });

    it('takes one of two submits arriving together for the last open slot, refusing the other', async () => {
      const store = ctx.store();
      const { queue, ids } = await queueWith(store, 1);
      const id = ids[0] as number;
      const submit = (reviewer: string) =>
        store.queues.submitReview({
          queueId: queue.id,
          requestId: id,
          reviewer,
          values: { helpfulness: 50 },
          comment: null,
          nowMs: NOW,
        });
      // The same reviewer twice (a double Enter), then two reviewers without leases.
      const same = await Promise.all([submit('Bo'), submit('Bo')]);
      expect(same.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['already_reviewed', 'ok']);
      const { queue: other, ids: otherIds } = await queueWith(store, 1);
      const both = await Promise.all(
        ['Cy', 'Di'].map((reviewer) =>
          store.queues.submitReview({
            queueId: other.id,
            requestId: otherIds[0] as number,
            reviewer,
            values: { helpfulness: 0 },
            comment: null,
            nowMs: NOW,
          }),
        ),
      );
      expect(both.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['item_done', 'ok']);
      expect(await store.queues.progress(other.id, 'Cy')).toMatchObject({ done: 1, reviews: 1 });
    });

    it('records the score each review replaced', async () => {
      const store = ctx.store();
      const { queue, ids } = await queueWith(store, 1);
      const id = ids[0] as number;
      await store.setScore(id, 'helpfulness', 20);
      const result = await store.queues.submitReview({
        queueId: queue.id,
        requestId: id,
        reviewer: 'Bo',
        values: { helpfulness: 100, accuracy: 7 },
        comment: null,
        nowMs: NOW,
      });
      expect(result).toMatchObject({ ok: true, review: { previous: { helpfulness: 20, accuracy: null } } });
      expect(await store.queues.reviewValues(queue.id)).toEqual([
        { requestId: id, reviewer: 'Bo', values: { helpfulness: 100, accuracy: 7 } },
      ]);
    });

    it('brings a skipped item back to its reviewer only after everything else', async () => {
      const store = ctx.store();
      const { queue, ids } = await queueWith(store, 3);
      const [a, b, c] = ids as [number, number, number];
      expect((await store.queues.claimNext(queue.id, 'Bo', NOW, LEASE))?.requestId).toBe(a);
      expect(await store.queues.skipItem(queue.id, a, 'Bo', NOW + 1)).toBe(true);
      expect(await store.queues.skipItem(queue.id, 999_999, 'Bo', NOW + 1)).toBe(false);
      // Skipping released a: another reviewer gets it at once.
      expect((await store.queues.claimNext(queue.id, 'Cy', NOW + 2, LEASE))?.requestId).toBe(a);
      await store.queues.skipItem(queue.id, a, 'Cy', NOW + 3);
      expect((await store.queues.claimNext(queue.id, 'Bo', NOW + 4, LEASE))?.requestId).toBe(b);
      await store.queues.submitReview({
        queueId: queue.id,
        requestId: b,
        reviewer: 'Bo',
        values: { helpfulness: 0 },
        comment: null,
        nowMs: NOW + 5,
      });
      expect((await store.queues.claimNext(queue.id, 'Bo', NOW + 6, LEASE))?.requestId).toBe(c);
      await store.queues.skipItem(queue.id, c, 'Bo', NOW + 7);
      expect((await store.queues.claimNext(queue.id, 'Bo', NOW + 8, LEASE))?.requestId).toBe(a);
    });

    it('undoes the reviewer’s last review: gone from the counts, the item theirs again', async () => {
      const store = ctx.store();
      const { queue, ids } = await queueWith(store, 2);
      const [a, b] = ids as [number, number];
      for (const requestId of [a, b]) {
        await store.queues.claimNext(queue.id, 'Bo', NOW, LEASE);
        await store.queues.submitReview({
          queueId: queue.id,
          requestId,
          reviewer: 'Bo',
          values: { helpfulness: requestId === a ? 0 : 100 },
          comment: null,
          nowMs: NOW + requestId,
        });
      }
      expect(await store.queues.progress(queue.id, 'Bo')).toEqual({
        total: 2,
        done: 2,
        mine: 2,
        reviews: 2,
        byReviewer: [{ reviewer: 'Bo', reviews: 2 }],
      });
      const undone = await store.queues.undoLast(queue.id, 'Bo', NOW + 100, LEASE);
      expect(undone).toMatchObject({
        review: { requestId: b, values: { helpfulness: 100 } },
        others: [],
        item: { requestId: b, leaseExpiresAt: NOW + 100 + LEASE },
      });
      expect(await store.queues.progress(queue.id, 'Bo')).toMatchObject({ done: 1, mine: 1, reviews: 1 });
      expect(await store.queues.progress(queue.id, 'Cy')).toMatchObject({ mine: 0, reviews: 1 });
      // b is leased to Bo again: nobody else gets it, Bo does.
      expect(await store.queues.claimNext(queue.id, 'Cy', NOW + 101, LEASE)).toBeNull();
      expect((await store.queues.claimNext(queue.id, 'Bo', NOW + 101, LEASE))?.requestId).toBe(b);
      expect((await store.queues.undoLast(queue.id, 'Bo', NOW + 102, LEASE))?.review.requestId).toBe(a);
      expect(await store.queues.undoLast(queue.id, 'Bo', NOW + 103, LEASE)).toBeNull();
      expect(await store.queues.reviews(queue.id)).toEqual([]);
    });

    it('filters the list to a queue’s items, pending or done', async () => {
      const store = ctx.store();
      const outside = await store.insertRequest(makeNewRequest());
      const { queue, ids } = await queueWith(store, 3);
      const [a, b, c] = ids as [number, number, number];
      await store.queues.claimNext(queue.id, 'Bo', NOW, LEASE);
      await store.queues.submitReview({
        queueId: queue.id,
        requestId: a,
        reviewer: 'Bo',
        values: { helpfulness: 0 },
        comment: null,
        nowMs: NOW,
      });
      const listed = async (state: 'any' | 'pending' | 'done') => {
        const inQueue = { queueId: queue.id, state };
        const page = await store.listRequests({
          filter: filter({ inQueue }),
          sort: 'time',
          order: 'desc',
          limit: 50,
        });
        expect(await store.countRequests(filter({ inQueue }))).toBe(page.rows.length);
        return page.rows.map((row) => row.id).sort((x, y) => x - y);
      };
      expect(await listed('any')).toEqual([a, b, c]);
      expect(await listed('pending')).toEqual([b, c]);
      expect(await listed('done')).toEqual([a]);
      expect(await listed('any')).not.toContain(outside);
      const other = filter({ inQueue: { queueId: queue.id + 1, state: 'any' } });
      expect(
        (await store.listRequests({ filter: other, sort: 'time', order: 'desc', limit: 50 })).rows,
      ).toEqual([]);
    });

    it('drops a deleted request from its queues with its reviews', async () => {
      const store = ctx.store();
      const [gone, kept] = (await store.insertRequests([
        makeNewRequest({ model: 'gone' }),
        makeNewRequest({ model: 'kept' }),
      ])) as [number, number];
      const queue = await store.queues.createQueue(queueRow(), 'Ada', NOW);
      await store.queues.addItems(queue.id, [gone, kept]);
      await store.queues.claimNext(queue.id, 'Bo', NOW, LEASE);
      await store.queues.submitReview({
        queueId: queue.id,
        requestId: gone,
        reviewer: 'Bo',
        values: { helpfulness: 0 },
        comment: null,
        nowMs: NOW,
      });
      await store.deleteRequests(filter({ models: ['gone'] }));
      expect(await store.queues.countItems(queue.id)).toBe(1);
      expect(await store.queues.reviews(queue.id)).toEqual([]);
    });
  });
}
