import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_QUEUE_LIMITS } from '../../../contract/limits.ts';
import type { Queue, QueueProgress, QueueSummary, QueueTurn } from '../../../contract/review-queues.ts';
import type { ScoreDefinition } from '../../../contract/score-definitions.ts';
import { SAME_ORIGIN, signedIn } from '../../testing/auth-fixtures.ts';
import { logBody, makeNewRequest } from '../../testing/factories.ts';
import { createTestApp, errorOf, forEachStore, logRequest, type TestApp } from '../../testing/test-app.ts';

type Headers = Record<string, string>;

forEachStore((kind) => {
  let t: TestApp;
  let admin: Headers;
  let ann: Headers;
  let bea: Headers;
  let viewer: Headers;
  let helpfulness: ScoreDefinition;
  let safe: ScoreDefinition;
  let ids: number[];

  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Headers, payload?: unknown) =>
    t.app.inject({ method, url, headers, payload: payload as object });
  const create = (payload: Record<string, unknown>, headers = admin) =>
    inject('POST', '/api/queues', headers, {
      name: 'Weekly pass',
      definitionIds: [helpfulness.id, safe.id],
      query: 'tag=queue-me',
      ...payload,
    });
  const next = (queue: number, headers: Headers) =>
    inject('POST', `/api/queues/${queue}/next`, headers).then((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as QueueTurn;
    });
  const submit = (queue: number, requestId: number, headers: Headers, payload: unknown) =>
    inject('POST', `/api/queues/${queue}/items/${requestId}/submit`, headers, payload);

  beforeAll(async () => {
    t = await createTestApp({}, kind);
    const person = async (role: 'admin' | 'annotator' | 'viewer', name: string) => ({
      cookie: (await signedIn(t.store, role, name)).cookie,
      ...SAME_ORIGIN,
    });
    admin = await person('admin', 'Ada');
    ann = await person('annotator', 'Ann');
    bea = await person('annotator', 'Bea');
    viewer = await person('viewer', 'Vic');
    const define = async (payload: unknown) => {
      const response = await inject('POST', '/api/score-definitions', admin, payload);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as ScoreDefinition;
    };
    helpfulness = await define({
      name: 'helpfulness',
      kind: 'categorical',
      labels: [
        { label: 'Bad', value: 0 },
        { label: 'Okay', value: 50 },
        { label: 'Great', value: 100 },
      ],
    });
    safe = await define({ name: 'safe', kind: 'boolean' });
    ids = [];
    for (let i = 0; i < 3; i++) ids.push(await logRequest(t.app, logBody({ tags: ['queue-me'] })));
    await logRequest(t.app, logBody({ tags: ['other'] }));
  });
  afterAll(() => t.close());

  describe('review queues over the API', () => {
    it('admins create a queue from the current filter; its items are the matching requests, newest first', async () => {
      const response = await create({ description: 'Look closely', reviewsNeeded: 2 });
      expect(response.statusCode, response.body).toBe(201);
      const queue = response.json() as Queue;
      expect(queue).toMatchObject({
        name: 'Weekly pass',
        description: 'Look closely',
        reviewers: [],
        reviewsNeeded: 2,
        blind: true,
        sourceQuery: 'tag=queue-me',
        createdBy: 'Ada',
        progress: { total: 3, done: 0, mine: 0, reviews: 0, byReviewer: [] },
      });
      expect(queue.definitions.map((d) => d.name)).toEqual(['helpfulness', 'safe']);
      expect((await next(queue.id, ann)).item?.requestId).toBe(Math.max(...ids));
      const listed = await inject('GET', '/api/queues', viewer);
      expect((listed.json() as { queues: Queue[] }).queues.map((q) => q.id)).toContain(queue.id);
      const audit = await inject('GET', '/api/audit', admin);
      const entries = (audit.json() as { entries: { action: string; actor: string }[] }).entries;
      expect(entries).toContainEqual(
        expect.objectContaining({ action: 'review_queue_created', actor: 'Ada' }),
      );
    });

    it('refuses bad bodies with 4xx JSON naming the field, and keeps no half-made queue', async () => {
      const before = (await inject('GET', '/api/queues', admin).then((r) => r.json())) as { queues: Queue[] };
      const cases: [Record<string, unknown>, number, string][] = [
        [{ name: '' }, 400, 'name'],
        [{ definitionIds: [] }, 400, 'definitionIds'],
        [{ definitionIds: [999] }, 422, 'definitionIds'],
        [{ reviewsNeeded: 0 }, 400, 'reviewsNeeded'],
        [{ blind: 'yes' }, 400, 'blind'],
        [{ ids: [1] }, 400, 'query'],
        [{ query: undefined }, 400, 'query'],
        [{ query: 'tag=nothing-has-this' }, 422, 'query'],
        [{ query: 'limit=x' }, 400, 'limit'],
        [{ query: undefined, ids: [999_999] }, 422, 'ids'],
        [{ query: undefined, ids: Array.from({ length: 501 }, (_, i) => i + 1) }, 400, 'ids'],
      ];
      for (const [patch, status, field] of cases) {
        const response = await create(patch);
        expect(response.statusCode, `${JSON.stringify(patch)} ${response.body}`).toBe(status);
        expect(errorOf(response).message).toContain(field);
      }
      const after = (await inject('GET', '/api/queues', admin).then((r) => r.json())) as { queues: Queue[] };
      expect(after.queues).toHaveLength(before.queues.length);
    });

    it('who may do what: annotators do not create, viewers do not review', async () => {
      expect((await create({}, ann)).statusCode).toBe(403);
      const queue = (await create({ query: undefined, ids: ids.slice(0, 1) })).json() as Queue;
      expect((await inject('GET', `/api/queues/${queue.id}`, viewer)).statusCode).toBe(200);
      expect((await inject('POST', `/api/queues/${queue.id}/next`, viewer)).statusCode).toBe(403);
      expect((await submit(queue.id, ids[0] as number, viewer, { values: { safe: 100 } })).statusCode).toBe(
        403,
      );
      expect((await inject('POST', `/api/queues/${queue.id}/items`, viewer, { ids })).statusCode).toBe(403);
      expect((await inject('DELETE', `/api/queues/${queue.id}`, ann)).statusCode).toBe(403);
      expect((await inject('DELETE', `/api/queues/${queue.id}`, admin)).statusCode).toBe(204);
      expect((await inject('GET', `/api/queues/${queue.id}`, viewer)).statusCode).toBe(404);
    });

    it('a queue with assigned reviewers is theirs alone', async () => {
      const queue = (await create({ reviewers: ['Bea'] })).json() as Queue;
      const refused = await inject('POST', `/api/queues/${queue.id}/next`, ann);
      expect(refused.statusCode).toBe(403);
      expect(errorOf(refused).error).toBe('not_assigned');
      expect((await next(queue.id, bea)).item).not.toBeNull();
    });

    it('review by review: scores land on the request with their author and comment; skip, undo and progress', async () => {
      const queue = (await create({ blind: true })).json() as Queue;
      const first = await next(queue.id, ann);
      const id = first.item?.requestId as number;
      expect(first.progress).toMatchObject({ total: 3, done: 0, mine: 0 });
      expect(first.upcoming).not.toBeNull();
      expect(first.upcoming).not.toBe(id);

      // Validation names the value; nothing is written.
      const bad = await submit(queue.id, id, ann, { values: { helpfulness: 42 } });
      expect(bad.statusCode).toBe(422);
      expect(errorOf(bad).message).toContain('values.helpfulness');
      const unknown = await submit(queue.id, id, ann, { values: { accuracy: 5 } });
      expect(unknown.statusCode).toBe(422);
      expect(errorOf(unknown).message).toContain('values.accuracy');
      expect((await submit(queue.id, id, ann, { values: {} })).statusCode).toBe(400);
      expect((await submit(queue.id, 999_999, ann, { values: { safe: 0 } })).statusCode).toBe(404);
      expect((await inject('POST', `/api/queues/${queue.id}/items/abc/submit`, ann, {})).statusCode).toBe(
        400,
      );

      // Blind: no one else's review shows before mine.
      const reviewsOf = (headers: Headers) =>
        inject('GET', `/api/queues/${queue.id}/items/${id}/reviews`, headers).then((r) => r.json());
      expect(await reviewsOf(ann)).toEqual({ visible: false, reviews: [] });

      const done = await submit(queue.id, id, ann, {
        values: { helpfulness: 100, safe: 100 },
        comment: 'Spot on',
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json() as QueueProgress).toMatchObject({ total: 3, done: 1, mine: 1, reviews: 1 });
      expect((await submit(queue.id, id, ann, { values: { safe: 0 } })).statusCode).toBe(409);

      const detail = (await inject('GET', `/api/requests/${id}`, viewer)).json() as {
        scores: Record<string, number>;
      };
      expect(detail.scores).toMatchObject({ helpfulness: 100, safe: 100 });
      const history = (await inject('GET', `/api/requests/${id}/history`, viewer)).json() as {
        events: { name: string; actor: string; value: string | null }[];
      };
      expect(history.events).toContainEqual(
        expect.objectContaining({ name: 'helpfulness', actor: 'Ann', value: '100' }),
      );
      const comments = (await inject('GET', `/api/requests/${id}/score-comments`, viewer)).json() as {
        comments: { name: string; comment: string; actor: string }[];
      };
      expect(comments.comments).toContainEqual({
        name: 'safe',
        comment: 'Spot on',
        actor: 'Ann',
        at: expect.any(Number),
      });
      expect(await reviewsOf(ann)).toMatchObject({ visible: true, reviews: [{ reviewer: 'Ann' }] });

      // Skip: the next one is another item; progress unchanged.
      const second = await next(queue.id, ann);
      const skipped = await inject(
        'POST',
        `/api/queues/${queue.id}/items/${second.item?.requestId}/skip`,
        ann,
      );
      expect(skipped.statusCode).toBe(200);
      expect((skipped.json() as QueueProgress).mine).toBe(1);
      expect((await next(queue.id, ann)).item?.requestId).not.toBe(second.item?.requestId);

      // Undo: my review and its scores are gone; the item is mine again.
      const undone = await inject('POST', `/api/queues/${queue.id}/undo`, ann);
      expect(undone.statusCode, undone.body).toBe(200);
      expect(undone.json() as QueueTurn).toMatchObject({
        item: { requestId: id },
        progress: { done: 0, mine: 0 },
      });
      const after = (await inject('GET', `/api/requests/${id}`, viewer)).json() as {
        scores: Record<string, number>;
      };
      expect(after.scores.helpfulness).toBeUndefined();
      expect((await next(queue.id, ann)).item?.requestId).toBe(id);
      expect((await inject('POST', `/api/queues/${queue.id}/undo`, ann)).statusCode).toBe(409);
    });

    it('summarises two reviewers: distributions, agreement and the most disputed items', async () => {
      const queue = (await create({ query: undefined, ids, reviewsNeeded: 2 })).json() as Queue;
      const verdicts: Record<string, number[]> = { Ann: [100, 100, 0], Bea: [100, 0, 0] };
      for (const [name, headers] of [
        ['Ann', ann],
        ['Bea', bea],
      ] as const) {
        for (let i = 0; i < ids.length; i++) {
          const turn = await next(queue.id, headers);
          const requestId = turn.item?.requestId as number;
          const verdict = verdicts[name]?.[ids.indexOf(requestId)] as number;
          expect((await submit(queue.id, requestId, headers, { values: { safe: verdict } })).statusCode).toBe(
            200,
          );
        }
        expect((await next(queue.id, headers)).item).toBeNull();
      }
      const response = await inject('GET', `/api/queues/${queue.id}/summary`, viewer);
      expect(response.statusCode, response.body).toBe(200);
      const summary = response.json() as QueueSummary;
      expect(summary.queue.progress).toMatchObject({ total: 3, done: 3, reviews: 6 });
      expect(summary.distributions.find((d) => d.name === 'safe')?.buckets).toEqual([
        { label: 'Fail', value: 0, count: 3 },
        { label: 'Pass', value: 100, count: 3 },
      ]);
      const safeAgreement = summary.agreement.find((a) => a.name === 'safe');
      expect(safeAgreement?.items).toBe(3);
      expect(safeAgreement?.percentAgreement).toBeCloseTo(2 / 3, 10);
      // Ann 2 pass / 1 fail, Bea 1 pass / 2 fail: pe = 2/3·1/3 + 1/3·2/3 = 4/9; κ = (2/3 − 4/9) / (5/9) = 0.4.
      expect(safeAgreement?.cohensKappa).toBeCloseTo(0.4, 10);
      expect(summary.disputed.map((d) => d.requestId)).toEqual([ids[1]]);
    });

    it('adds a selection to a queue, once each', async () => {
      const queue = (await create({ query: undefined, ids: ids.slice(0, 1) })).json() as Queue;
      const added = await inject('POST', `/api/queues/${queue.id}/items`, ann, { ids });
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json()).toEqual({ added: 2, total: 3 });
      const none = await inject('POST', `/api/queues/${queue.id}/items`, ann, { ids: [] });
      expect(none.statusCode).toBe(400);
      expect(errorOf(none).message).toContain('ids');
    });

    it(`refuses a filter matching more than ${REVIEW_QUEUE_LIMITS.items} requests, naming the count`, async () => {
      const many = REVIEW_QUEUE_LIMITS.items + 1;
      for (let start = 0; start < many; start += 2000)
        await t.store.insertRequests(
          Array.from({ length: Math.min(2000, many - start) }, () => makeNewRequest({ tags: ['bulk'] })),
        );
      const response = await create({ query: 'tag=bulk' });
      expect(response.statusCode).toBe(422);
      expect(errorOf(response).message).toContain('10,001 requests');
    });
  });
});
