import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreDefinition, ScoreDefinitionsResponse } from '../../../contract/score-definitions.ts';
import { SAME_ORIGIN, signedIn } from '../../testing/auth-fixtures.ts';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  type TestApp,
} from '../../testing/test-app.ts';

forEachStore((kind) => {
  let t: TestApp;
  let id: number;
  let admin: Record<string, string>;
  let annotator: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    id = await logRequest(t.app, logBody());
    // A free-form score as the PromptLayer API writes it.
    const tracked = await t.app.inject({
      method: 'POST',
      url: '/rest/track-score',
      headers: KEY_HEADER,
      payload: { request_id: id, score: 42, name: 'legacy' },
    });
    expect(tracked.statusCode, tracked.body).toBe(200);
    admin = { cookie: (await signedIn(t.store, 'admin', 'Ada')).cookie, ...SAME_ORIGIN };
    annotator = { cookie: (await signedIn(t.store, 'annotator', 'Ann')).cookie, ...SAME_ORIGIN };
  });
  afterAll(() => t.close());

  const inject = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: object,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: headers as Record<string, string>, payload: payload as object });
  const define = (payload: unknown, headers: object = admin) =>
    inject('POST', '/api/score-definitions', headers, payload);
  const score = (name: string, payload: unknown, headers: object = annotator) =>
    inject('PUT', `/api/requests/${id}/scores/${encodeURIComponent(name)}`, headers, payload);

  describe('score definitions', () => {
    let helpfulness: ScoreDefinition;
    it('admins create categorical, numeric and boolean definitions; the audit log records it', async () => {
      const created = await define({
        name: 'helpfulness',
        kind: 'categorical',
        description: 'Did it help?',
        labels: [
          { label: 'Bad', value: 0 },
          { label: 'Okay', value: 50 },
          { label: 'Great', value: 100 },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      helpfulness = created.json() as ScoreDefinition;
      expect(helpfulness).toMatchObject({ name: 'helpfulness', createdBy: 'Ada', archivedAt: null });
      expect((await define({ name: 'accuracy', kind: 'numeric', min: 0, max: 10, step: 2 })).statusCode).toBe(
        201,
      );
      expect((await define({ name: 'safe', kind: 'boolean' })).statusCode).toBe(201);
      const audit = await inject('GET', '/api/audit', admin);
      const actions = (audit.json() as { entries: { action: string; actor: string }[] }).entries;
      expect(actions.filter((e) => e.action === 'score_definition_created')).toHaveLength(3);
    });

    it('lists active definitions and the free-form names that can be adopted', async () => {
      const list = await inject('GET', '/api/score-definitions', annotator);
      expect(list.statusCode).toBe(200);
      const body = list.json() as ScoreDefinitionsResponse;
      expect(body.definitions.map((d) => d.name)).toEqual(['helpfulness', 'accuracy', 'safe']);
      expect(body.freeForm).toEqual([{ name: 'legacy', count: 1 }]);
    });

    it('refuses annotators, a taken name, and bad shapes with 4xx JSON naming the field', async () => {
      expect((await define({ name: 'x', kind: 'boolean' }, annotator)).statusCode).toBe(403);
      const taken = await define({ name: 'helpfulness', kind: 'boolean' });
      expect(taken.statusCode).toBe(409);
      expect(errorOf(taken).detail?.[0]?.loc).toEqual(['body', 'name']);
      const cases: [unknown, string][] = [
        [{ name: 'n', kind: 'numeric', min: 50, max: 10 }, 'max'],
        [{ name: 'n', kind: 'numeric', max: 101 }, 'max'],
        [{ name: 'n', kind: 'numeric', min: 0, max: 10, step: 20 }, 'step'],
        [{ name: 'c', kind: 'categorical', labels: [{ label: 'A', value: 0 }] }, 'labels'],
        [
          {
            name: 'c',
            kind: 'categorical',
            labels: [
              { label: 'A', value: 0 },
              { label: 'a', value: 5 },
            ],
          },
          'labels',
        ],
        [
          {
            name: 'c',
            kind: 'categorical',
            labels: [
              { label: 'A', value: 0 },
              { label: 'B', value: 0 },
            ],
          },
          'labels',
        ],
        [
          {
            name: 'c',
            kind: 'categorical',
            labels: [
              { label: 'A', value: 0 },
              { label: 'B', value: 101 },
            ],
          },
          'labels',
        ],
        [{ name: '', kind: 'boolean' }, 'name'],
        [{ name: 'k', kind: 'stars' }, 'kind'],
      ];
      for (const [payload, field] of cases) {
        const response = await define(payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(errorOf(response).message.startsWith(field), errorOf(response).message).toBe(true);
      }
    });

    it('checks dashboard scores against their definition: labels, range, step', async () => {
      expect((await score('helpfulness', { value: 50 })).statusCode).toBe(200);
      const offLabel = await score('helpfulness', { value: 60 });
      expect(offLabel.statusCode).toBe(422);
      expect(errorOf(offLabel).detail?.[0]?.loc).toEqual(['body', 'value']);
      expect(errorOf(offLabel).message).toContain('Okay (50)');
      expect((await score('accuracy', { value: 4 })).statusCode).toBe(200);
      expect((await score('accuracy', { value: 5 })).statusCode).toBe(422);
      expect((await score('accuracy', { value: 12 })).statusCode).toBe(422);
      expect((await score('safe', { value: 100 })).statusCode).toBe(200);
      expect((await score('safe', { value: 1 })).statusCode).toBe(422);
      // Free-form names keep working.
      expect((await score('legacy', { value: 7 })).statusCode).toBe(200);
      const stored = await t.store.getRequest(id);
      expect(stored?.scores).toEqual({ helpfulness: 50, accuracy: 4, safe: 100, legacy: 7 });
    });

    it('checks PromptLayer track-score against the definition of its name; free-form names stay open', async () => {
      const track = (url: string, payload: object) =>
        t.app.inject({ method: 'POST', url, headers: KEY_HEADER, payload: { request_id: id, ...payload } });
      const offLabel = await track('/rest/track-score', { score: 60, name: 'helpfulness' });
      expect(offLabel.statusCode).toBe(422);
      expect(errorOf(offLabel).detail?.[0]?.loc).toEqual(['body', 'score']);
      expect(errorOf(offLabel).message).toMatch(/^score: .*Okay \(50\)/);
      const offStep = await track('/library-track-score', { score: 5, score_name: 'accuracy' });
      expect(offStep.statusCode).toBe(422);
      expect(errorOf(offStep).detail?.[0]?.loc).toEqual(['body', 'score']);
      expect((await track('/rest/track-score', { score: 12, name: 'accuracy' })).statusCode).toBe(422);
      expect((await track('/library-track-score', { score: 1, name: 'safe' })).statusCode).toBe(422);
      expect(await t.store.getRequest(id)).toMatchObject({
        scores: { helpfulness: 50, accuracy: 4, safe: 100 },
      });
      expect((await track('/rest/track-score', { score: 100, name: 'helpfulness' })).statusCode).toBe(200);
      expect((await track('/library-track-score', { score: 0, score_name: 'safe' })).statusCode).toBe(200);
      expect((await track('/rest/track-score', { score: 33, name: 'legacy' })).statusCode).toBe(200);
      expect((await track('/rest/track-score', { score: 61 })).statusCode).toBe(200);
      expect(await t.store.getRequest(id)).toMatchObject({
        scores: { helpfulness: 100, safe: 0, legacy: 33, default: 61 },
      });
      // Put back what the next tests expect.
      for (const [name, value] of [
        ['helpfulness', 50],
        ['safe', 100],
        ['legacy', 7],
      ] as const)
        expect((await score(name, { value })).statusCode).toBe(200);
    });

    it('keeps a comment with the score, by its author; an empty comment or a removed score drops it', async () => {
      expect((await score('helpfulness', { value: 100, comment: 'cites <b>sources</b>' })).statusCode).toBe(
        200,
      );
      const comments = async () =>
        (
          (await inject('GET', `/api/requests/${id}/score-comments`, KEY_HEADER)).json() as {
            comments: { name: string; comment: string; actor: string }[];
          }
        ).comments;
      expect(await comments()).toMatchObject([
        { name: 'helpfulness', comment: 'cites <b>sources</b>', actor: 'Ann' },
      ]);
      // No comment field: the comment stays.
      expect((await score('helpfulness', { value: 0 })).statusCode).toBe(200);
      expect(await comments()).toHaveLength(1);
      expect((await score('helpfulness', { value: 0, comment: '  ' })).statusCode).toBe(200);
      expect(await comments()).toEqual([]);
      await score('accuracy', { value: 6, comment: 'close' });
      expect(await comments()).toHaveLength(1);
      expect((await inject('DELETE', `/api/requests/${id}/scores/accuracy`, annotator)).statusCode).toBe(200);
      expect(await comments()).toEqual([]);
      const tooLong = await score('accuracy', { value: 6, comment: 'x'.repeat(4001) });
      expect(tooLong.statusCode).toBe(400);
      expect(errorOf(tooLong).message.startsWith('comment')).toBe(true);
    });

    it('archives (admins only, once): new scores under it are refused until a new definition replaces it', async () => {
      const url = `/api/score-definitions/${helpfulness.id}/archive`;
      expect((await inject('POST', url, annotator)).statusCode).toBe(403);
      const archived = await inject('POST', url, admin);
      expect(archived.statusCode).toBe(200);
      expect((archived.json() as ScoreDefinition).archivedAt).toEqual(expect.any(Number));
      const refused = await score('helpfulness', { value: 50 });
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused)).toMatchObject({
        error: 'definition_archived',
        detail: [{ loc: ['path', 'name'] }],
      });
      // The stored value is left alone.
      expect((await t.store.getRequest(id))?.scores.helpfulness).toBe(0);
      const listed = (
        await inject('GET', '/api/score-definitions?archived=true', admin)
      ).json() as ScoreDefinitionsResponse;
      expect(listed.definitions.find((d) => d.id === helpfulness.id)?.archivedAt).not.toBeNull();
      expect(listed.freeForm.map((f) => f.name)).toContain('helpfulness');
      const replaced = await define({ name: 'helpfulness', kind: 'boolean' });
      expect(replaced.statusCode).toBe(201);
      expect((await score('helpfulness', { value: 100 })).statusCode).toBe(200);
      expect((await inject('POST', '/api/score-definitions/999999/archive', admin)).statusCode).toBe(404);
      expect((await inject('GET', '/api/score-definitions?archived=maybe', admin)).statusCode).toBe(400);
    });
  });
});
