import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFilter } from '../../../contract/api.ts';
import type { BulkJob } from '../../../contract/bulk.ts';
import { SAME_ORIGIN, signedIn } from '../../testing/auth-fixtures.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { createTestApp, errorOf, forEachStore, KEY_HEADER, type TestApp } from '../../testing/test-app.ts';

const ROWS = 1_234;

forEachStore((kind) => {
  let t: TestApp;
  let ids: number[];
  let annotator: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    // Three models so that a filter selects part of the rows.
    ids = await t.store.insertRequests(
      Array.from({ length: ROWS }, (_, i) =>
        makeNewRequest({ model: ['a', 'b', 'c'][i % 3] as string, startMs: Date.UTC(2026, 0, 1) + i * 1000 }),
      ),
    );
    annotator = { cookie: (await signedIn(t.store, 'annotator', 'Ann')).cookie, ...SAME_ORIGIN };
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers: object = annotator) =>
    t.app.inject({ method: 'POST', url, headers: headers as Record<string, string>, payload });
  const job = async (id: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/bulk-jobs/${id}`, headers: annotator })
    ).json() as BulkJob;
  async function finished(id: string): Promise<BulkJob> {
    // Waits for the job's state to change (each poll is one request; no timers).
    for (;;) {
      const current = await job(id);
      if (current.state !== 'running') return current;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  describe('bulk actions on a selection', () => {
    it('tags the selected requests in one go, records who did it, and audits it', async () => {
      const selected = ids.slice(0, 3);
      const response = await post('/api/bulk', { action: { kind: 'add-tag', tag: 'picked' }, ids: selected });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ changed: 3 });
      expect(await t.store.countRequests({ ...emptyish(), tags: ['picked'] })).toBe(3);
      const history = await t.store.auth.annotationHistory(selected[0] as number, 10);
      expect(history[0]).toMatchObject({ kind: 'tag', name: 'picked', actor: 'Ann' });
    });

    it('refuses a stale selection whole, and bad input naming the field', async () => {
      const stale = await post('/api/bulk', {
        action: { kind: 'add-tag', tag: 'stale' },
        ids: [ids[5], 999_999_999],
      });
      expect(stale.statusCode).toBe(409);
      expect(errorOf(stale)).toMatchObject({ error: 'stale_selection', detail: [{ loc: ['body', 'ids'] }] });
      expect(await t.store.countRequests({ ...emptyish(), tags: ['stale'] })).toBe(0);
      const cases: [object, string][] = [
        [{ action: { kind: 'add-tag', tag: 'x' }, ids: [] }, 'ids'],
        [{ action: { kind: 'paint', tag: 'x' }, ids: [1] }, 'action'],
        [{ action: { kind: 'set-score', name: 's', value: 101 }, ids: [1] }, 'action.value'],
        [{ action: { kind: 'add-tag', tag: 'x' }, ids: Array.from({ length: 501 }, (_, i) => i + 1) }, 'ids'],
      ];
      for (const [payload, field] of cases) {
        const response = await post('/api/bulk', payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(errorOf(response).message.startsWith(field), errorOf(response).message).toBe(true);
      }
      const viewer = { cookie: (await signedIn(t.store, 'viewer', 'Vi')).cookie, ...SAME_ORIGIN };
      expect(
        (await post('/api/bulk', { action: { kind: 'add-tag', tag: 'v' }, ids: [ids[0]] }, viewer))
          .statusCode,
      ).toBe(403);
    });

    it('checks a score against its definition before writing anything', async () => {
      await t.store.review.createScoreDefinition(
        { name: 'safe', kind: 'boolean', description: '' },
        'test',
        Date.now(),
      );
      const refused = await post('/api/bulk', {
        action: { kind: 'set-score', name: 'safe', value: 50 },
        ids: [ids[0]],
      });
      expect(refused.statusCode).toBe(422);
      expect(errorOf(refused).detail?.[0]?.loc).toEqual(['body', 'value']);
    });
  });

  describe('deleting a selection', () => {
    it('admins delete the selected ids, all or none, and the audit log names them', async () => {
      const admin = { cookie: (await signedIn(t.store, 'admin', 'Ada')).cookie, ...SAME_ORIGIN };
      const doomed = await t.store.insertRequests([
        makeNewRequest({ model: 'z' }),
        makeNewRequest({ model: 'z' }),
      ]);
      // Annotators and viewers may tag but not delete.
      expect((await post('/api/bulk/delete', { ids: doomed })).statusCode).toBe(403);
      const stale = await post('/api/bulk/delete', { ids: [...doomed, 999_999_999] }, admin);
      expect(stale.statusCode).toBe(409);
      expect(errorOf(stale)).toMatchObject({ error: 'stale_selection', detail: [{ loc: ['body', 'ids'] }] });
      expect(await t.store.countRequests({ ...emptyish(), models: ['z'] })).toBe(2);
      for (const payload of [
        { ids: [] },
        { ids: ['1'] },
        { ids: [0] },
        {},
        { ids: Array.from({ length: 501 }, (_, i) => i + 1) },
      ]) {
        const bad = await post('/api/bulk/delete', payload, admin);
        expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
        expect(errorOf(bad).message.startsWith('ids'), errorOf(bad).message).toBe(true);
      }
      const deleted = await post('/api/bulk/delete', { ids: doomed }, admin);
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect(deleted.json()).toEqual({ deleted: 2 });
      expect(await t.store.countRequests({ ...emptyish(), models: ['z'] })).toBe(0);
      const audit = await t.store.auth.listAudit(null, 5);
      expect(audit[0]).toMatchObject({
        action: 'delete_requests',
        actor: 'Ada',
        detail: { rows: 2, ids: expect.arrayContaining(doomed) },
      });
      // Deleted twice: the second time the selection is stale.
      expect((await post('/api/bulk/delete', { ids: doomed }, admin)).statusCode).toBe(409);
    });
  });

  describe('bulk jobs on a whole filter', () => {
    it('tags every matching request in batches, reports progress, and audits start and finish', async () => {
      const started = await post('/api/bulk-jobs', {
        action: { kind: 'add-tag', tag: 'model-a' },
        query: 'model=a',
      });
      expect(started.statusCode, started.body).toBe(202);
      const running = started.json() as BulkJob;
      const matching = Math.ceil(ROWS / 3);
      expect(running).toMatchObject({
        state: 'running',
        total: matching,
        done: 0,
        actor: 'Ann',
        query: 'model=a',
      });
      const done = await finished(running.id);
      expect(done).toMatchObject({
        state: 'done',
        done: matching,
        total: matching,
        batches: 1 + Math.floor(matching / 500),
      });
      expect(await t.store.countRequests({ ...emptyish(), tags: ['model-a'] })).toBe(matching);
      expect(await t.store.countRequests({ ...emptyish(), tags: ['model-a'], models: ['b'] })).toBe(0);
      const audit = await t.store.auth.listAudit(null, 20);
      expect(audit.map((e) => e.action)).toEqual(
        expect.arrayContaining(['bulk_job_started', 'bulk_job_finished']),
      );
    });

    it('a cancel answers the job; what was done is whole batches', async () => {
      const started = (
        await post('/api/bulk-jobs', {
          action: { kind: 'set-metadata', key: 'batch', value: 'x' },
          query: '',
        })
      ).json() as BulkJob;
      const cancelled = await t.app.inject({
        method: 'POST',
        url: `/api/bulk-jobs/${started.id}/cancel`,
        headers: annotator,
      });
      expect(cancelled.statusCode).toBe(200);
      const done = await finished(started.id);
      // The job may have finished before the cancel reached it (bulk-jobs.test.ts stops one midway).
      expect(['cancelled', 'done']).toContain(done.state);
      expect(done.done % 500 === 0 || done.done === ROWS).toBe(true);
      expect(
        await t.store.countRequests({ ...emptyish(), metadata: [{ key: 'batch', values: ['x'] }] }),
      ).toBe(done.done);
    });

    it('admins delete every matching request as a job, in batches; audited; annotators may not', async () => {
      const doomed = await t.store.insertRequests(
        Array.from({ length: 1_100 }, () => makeNewRequest({ model: 'purge-me' })),
      );
      expect((await post('/api/bulk-jobs/delete', { query: 'model=purge-me' })).statusCode).toBe(403);
      // A delete is not an annotation action: the annotate route refuses it.
      const sneaky = await post('/api/bulk-jobs', { action: { kind: 'delete' }, query: 'model=purge-me' });
      expect(sneaky.statusCode).toBe(400);
      const admin = { cookie: (await signedIn(t.store, 'admin', 'Ad')).cookie, ...SAME_ORIGIN };
      const started = await post(
        '/api/bulk-jobs/delete',
        { query: 'model=purge-me', expected: 1_100 },
        admin,
      );
      expect(started.statusCode, started.body).toBe(202);
      expect(started.json()).toMatchObject({ action: { kind: 'delete' }, total: 1_100, actor: 'Ad' });
      const done = await finished((started.json() as BulkJob).id);
      expect(done).toMatchObject({ state: 'done', done: 1_100, batches: 3 });
      expect(await t.store.countRequests({ ...emptyish(), models: ['purge-me'] })).toBe(0);
      expect(await t.store.getRequest(doomed[0] as number)).toBeNull();
      // The others are untouched.
      expect(await t.store.countRequests({ ...emptyish(), models: ['a'] })).toBe(Math.ceil(ROWS / 3));
      const audit = await t.store.auth.listAudit(null, 10);
      expect(audit.find((e) => e.action === 'bulk_job_started')?.detail).toMatchObject({
        action: { kind: 'delete' },
        total: 1_100,
      });
      const none = await post('/api/bulk-jobs/delete', { query: 'model=purge-me' }, admin);
      expect(none.statusCode).toBe(422);
    });

    it('refuses 0 matching rows, a bad filter and an unknown job with 4xx naming the field', async () => {
      const none = await post('/api/bulk-jobs', {
        action: { kind: 'add-tag', tag: 'x' },
        query: 'model=nope',
      });
      expect(none.statusCode).toBe(422);
      expect(errorOf(none)).toMatchObject({ error: 'no_rows', detail: [{ loc: ['body', 'query'] }] });
      const bad = await post('/api/bulk-jobs', {
        action: { kind: 'add-tag', tag: 'x' },
        query: 'score.x=abc',
      });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).message).toMatch(/^score\.x/);
      const unknown = await t.app.inject({
        method: 'GET',
        url: '/api/bulk-jobs/00000000-0000-4000-8000-000000000000',
        headers: KEY_HEADER,
      });
      expect(unknown.statusCode).toBe(404);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/bulk-jobs/nope', headers: KEY_HEADER })).statusCode,
      ).toBe(400);
    });
  });
});

const emptyish = emptyFilter;
