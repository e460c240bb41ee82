/**
 * Review queues (contract/review-queues.ts): admins create them from the list's filter or a
 * selection; readers follow their progress; annotators (the assigned ones, when the queue names
 * any) take the next item, submit, skip and undo. Creation and deletion land in the audit log;
 * every score a review writes lands in the annotation history with its author.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseListParams } from '../../../contract/filter-query.ts';
import { REVIEW_QUEUE_LIMITS } from '../../../contract/limits.ts';
import {
  addQueueItemsBodySchema,
  addQueueItemsResponseSchema,
  itemReviewsResponseSchema,
  newQueueBodySchema,
  type Queue,
  type QueueReview,
  queueItemParamsSchema,
  queueParamsSchema,
  queueProgressSchema,
  queueSchema,
  queueSummarySchema,
  queuesResponseSchema,
  queueTurnSchema,
  submitReviewBodySchema,
} from '../../../contract/review-queues.ts';
import type { ScoreDefinition } from '../../../contract/score-definitions.ts';
import { actorLabel } from '../../auth/principal.ts';
import { fieldError, HttpError, notFound } from '../../http/errors.ts';
import { queryParser, route } from '../../http/route.ts';
import { addMatchingItems } from '../../review/queue-items.ts';
import { summarise } from '../../review/queue-summary.ts';
import type { QueueRow, StoredReview, SubmitOutcome } from '../../store/queue-store.ts';
import type { RouteDeps } from '../deps.ts';
import { checkReviewValues, restoreScores, writeReviewScores } from './queue-scores.ts';

const listQuery = queryParser(parseListParams);
const { items: ITEMS_MAX, leaseMs: LEASE_MS } = REVIEW_QUEUE_LIMITS;

const REFUSALS: Record<Exclude<SubmitOutcome, { ok: true }>['reason'], [number, string]> = {
  not_in_queue: [404, 'this request is not in the queue'],
  already_reviewed: [409, 'you already reviewed this item (undo it to change it)'],
  item_done: [409, 'this item already has all the reviews it needs'],
  item_reserved: [409, 'your reservation ran out and another reviewer holds this item: take the next one'],
};

/** A review as the API shows it (not what it replaced). */
const publicReview = ({ requestId, reviewer, values, comment, at }: StoredReview): QueueReview => ({
  requestId,
  reviewer,
  values,
  comment,
  at,
});

function tooMany(count: number, field: 'query' | 'ids'): HttpError {
  const msg = `${count.toLocaleString('en-US')} requests: a queue holds at most ${ITEMS_MAX.toLocaleString('en-US')}; narrow the filter`;
  return fieldError(422, 'too_many_items', ['body', field], msg, 'too_many_items');
}

export function queueRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const definitionsOf = async (row: QueueRow): Promise<ScoreDefinition[]> => {
    const all = await store.review.listScoreDefinitions(true);
    return row.definitionIds.flatMap((id) => all.filter((d) => d.id === id));
  };
  const present = async (row: QueueRow, request: FastifyRequest): Promise<Queue> => {
    const [definitions, progress] = await Promise.all([
      definitionsOf(row),
      store.queues.progress(row.id, actorLabel(request.principal)),
    ]);
    const { definitionIds: _ids, ...rest } = row;
    return { ...rest, definitions, progress };
  };
  const queueOr404 = async (id: number): Promise<QueueRow> => {
    const row = await store.queues.getQueue(id);
    if (!row) throw notFound(`Review queue ${id} not found.`, 'queue_not_found');
    return row;
  };
  /** The queue, when the caller may review in it: everyone with annotate, or its assigned reviewers. */
  const reviewable = async (id: number, request: FastifyRequest) => {
    const row = await queueOr404(id);
    const reviewer = actorLabel(request.principal);
    if (row.reviewers.length > 0 && !row.reviewers.includes(reviewer))
      throw new HttpError(403, 'not_assigned', `${reviewer} is not one of this queue's reviewers.`);
    return { row, reviewer };
  };

  route(
    app,
    'POST',
    '/api/queues',
    { body: newQueueBodySchema, status: 201, response: queueSchema },
    async ({ body, request }) => {
      const active = await store.review.listScoreDefinitions(false);
      const unknown = body.definitionIds.find((id) => !active.some((d) => d.id === id));
      if (unknown !== undefined)
        throw fieldError(
          422,
          'unknown_definition',
          ['body', 'definitionIds'],
          `no active score definition has id ${unknown}`,
          'unknown_definition',
        );
      const params = body.query === undefined ? null : new URLSearchParams(body.query.replace(/^\?/, ''));
      const filter = params ? listQuery(params).filter : null;
      if (filter) {
        const count = await store.countRequests(filter);
        if (count > ITEMS_MAX) throw tooMany(count, 'query');
        if (count === 0)
          throw fieldError(422, 'no_rows', ['body', 'query'], 'no request matches this filter', 'no_rows');
      }
      const actor = actorLabel(request.principal);
      const now = Date.now();
      const row = await store.queues.createQueue(
        {
          name: body.name,
          description: body.description,
          definitionIds: body.definitionIds,
          reviewers: [...new Set(body.reviewers)],
          reviewsNeeded: body.reviewsNeeded,
          blind: body.blind,
          sourceQuery: params ? params.toString() : null,
        },
        actor,
        now,
      );
      try {
        const added = filter
          ? await addMatchingItems(store, row.id, filter, ITEMS_MAX)
          : await store.queues.addItems(row.id, body.ids ?? []);
        if (added === 0) {
          const field = filter ? 'query' : 'ids';
          const msg = filter ? 'no request matches this filter' : 'none of these requests exists';
          throw fieldError(422, 'no_rows', ['body', field], msg, 'no_rows');
        }
      } catch (error) {
        // Nothing half-made: a queue whose items could not all be added is not kept.
        await store.queues.deleteQueue(row.id);
        throw error;
      }
      await store.auth.appendAudit({
        at: now,
        actor,
        action: 'review_queue_created',
        detail: { id: row.id, name: row.name, source: row.sourceQuery ?? 'selection' },
      });
      return present(row, request);
    },
  );

  route(app, 'GET', '/api/queues', { response: queuesResponseSchema }, async ({ request }) => {
    const rows = await store.queues.listQueues();
    return { queues: await Promise.all(rows.map((row) => present(row, request))) };
  });

  route(
    app,
    'GET',
    '/api/queues/:id',
    { params: queueParamsSchema, response: queueSchema },
    async ({ params, request }) => present(await queueOr404(params.id), request),
  );

  route(
    app,
    'GET',
    '/api/queues/:id/summary',
    { params: queueParamsSchema, response: queueSummarySchema },
    async ({ params, request }) => {
      const row = await queueOr404(params.id);
      const [queue, values] = await Promise.all([present(row, request), store.queues.reviewValues(row.id)]);
      const figures = summarise(queue.definitions, values, row.reviewsNeeded);
      const disputed = await Promise.all(
        figures.disputed.map(async (item) => ({
          ...item,
          reviews: (await store.queues.reviews(row.id, item.requestId)).map(publicReview),
        })),
      );
      return { queue, ...figures, disputed };
    },
  );

  route(
    app,
    'DELETE',
    '/api/queues/:id',
    { params: queueParamsSchema },
    async ({ params, request, reply }) => {
      const row = await queueOr404(params.id);
      await store.queues.deleteQueue(row.id);
      await store.auth.appendAudit({
        at: Date.now(),
        actor: actorLabel(request.principal),
        action: 'review_queue_deleted',
        detail: { id: row.id, name: row.name },
      });
      return reply.code(204).send();
    },
  );

  route(
    app,
    'POST',
    '/api/queues/:id/items',
    { params: queueParamsSchema, body: addQueueItemsBodySchema, response: addQueueItemsResponseSchema },
    async ({ params, body }) => {
      const row = await queueOr404(params.id);
      const count = await store.queues.countItems(row.id);
      if (count + body.ids.length > ITEMS_MAX) throw tooMany(count + body.ids.length, 'ids');
      const added = await store.queues.addItems(row.id, body.ids);
      return { added, total: count + added };
    },
  );

  route(
    app,
    'POST',
    '/api/queues/:id/next',
    { params: queueParamsSchema, response: queueTurnSchema },
    async ({ params, request }) => {
      const { row, reviewer } = await reviewable(params.id, request);
      const item = await store.queues.claimNext(row.id, reviewer, Date.now(), LEASE_MS);
      const [upcoming, progress] = await Promise.all([
        item ? store.queues.peekNext(row.id, reviewer, item.requestId) : null,
        store.queues.progress(row.id, reviewer),
      ]);
      return { item, upcoming, progress };
    },
  );

  route(
    app,
    'POST',
    '/api/queues/:id/items/:requestId/submit',
    { params: queueItemParamsSchema, body: submitReviewBodySchema, response: queueProgressSchema },
    async ({ params, body, request }) => {
      const { row, reviewer } = await reviewable(params.id, request);
      checkReviewValues(await definitionsOf(row), body.values);
      const comment = body.comment?.trim() ? body.comment : null;
      const outcome = await store.queues.submitReview({
        queueId: row.id,
        requestId: params.requestId,
        reviewer,
        values: body.values,
        comment,
        nowMs: Date.now(),
      });
      if (!outcome.ok) {
        const [status, msg] = REFUSALS[outcome.reason];
        throw new HttpError(status, outcome.reason, msg);
      }
      await writeReviewScores(store, request, outcome.review);
      return store.queues.progress(row.id, reviewer);
    },
  );

  route(
    app,
    'POST',
    '/api/queues/:id/items/:requestId/skip',
    { params: queueItemParamsSchema, response: queueProgressSchema },
    async ({ params, request }) => {
      const { row, reviewer } = await reviewable(params.id, request);
      if (!(await store.queues.skipItem(row.id, params.requestId, reviewer, Date.now())))
        throw notFound('This request is not in the queue.', 'not_in_queue');
      return store.queues.progress(row.id, reviewer);
    },
  );

  route(
    app,
    'POST',
    '/api/queues/:id/undo',
    { params: queueParamsSchema, response: queueTurnSchema },
    async ({ params, request }) => {
      const { row, reviewer } = await reviewable(params.id, request);
      const undone = await store.queues.undoLast(row.id, reviewer, Date.now(), LEASE_MS);
      if (!undone) throw new HttpError(409, 'nothing_to_undo', 'You have no review in this queue to undo.');
      await restoreScores(store, request, undone);
      return { item: undone.item, upcoming: null, progress: await store.queues.progress(row.id, reviewer) };
    },
  );

  route(
    app,
    'GET',
    '/api/queues/:id/items/:requestId/reviews',
    { params: queueItemParamsSchema, response: itemReviewsResponseSchema },
    async ({ params, request }) => {
      const row = await queueOr404(params.id);
      const reviews = await store.queues.reviews(row.id, params.requestId);
      const me = actorLabel(request.principal);
      const visible = !row.blind || reviews.some((r) => r.reviewer === me);
      return {
        visible,
        reviews: visible ? reviews.map(publicReview) : [],
      };
    },
  );
}
