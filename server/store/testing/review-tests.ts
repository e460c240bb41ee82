/** Score definitions (create, archive, never changed in place) and score comments. */
import { describe, expect, it } from 'vitest';
import { newScoreDefinitionSchema } from '../../../contract/score-definitions.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { type ContractContext, filter } from './context.ts';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

const helpfulness = newScoreDefinitionSchema.parse({
  name: 'helpfulness',
  kind: 'categorical',
  description: 'Did the answer help?',
  labels: [
    { label: 'Bad', value: 0 },
    { label: 'Okay', value: 50 },
    { label: 'Great', value: 100 },
  ],
});

export function defineReviewTests(ctx: ContractContext): void {
  describe('score definitions', () => {
    it('stores every kind in the same columns, labels in key order', async () => {
      const review = ctx.store().review;
      const categorical = await review.createScoreDefinition(helpfulness, 'Ada', NOW);
      const numeric = await review.createScoreDefinition(
        newScoreDefinitionSchema.parse({ name: 'accuracy', kind: 'numeric', min: 0, max: 10, step: 2 }),
        'Ada',
        NOW,
      );
      const boolean = await review.createScoreDefinition(
        newScoreDefinitionSchema.parse({ name: 'safe', kind: 'boolean' }),
        'key "ci"',
        NOW + 1,
      );
      expect(categorical).toMatchObject({
        name: 'helpfulness',
        kind: 'categorical',
        description: 'Did the answer help?',
        min: 0,
        max: 100,
        labels: helpfulness.kind === 'categorical' ? helpfulness.labels : [],
        createdBy: 'Ada',
        createdAt: NOW,
        archivedAt: null,
      });
      expect(numeric).toMatchObject({
        kind: 'numeric',
        min: 0,
        max: 10,
        step: 2,
        labels: [],
        description: '',
      });
      expect(boolean).toMatchObject({
        kind: 'boolean',
        labels: [
          { label: 'Fail', value: 0 },
          { label: 'Pass', value: 100 },
        ],
        createdBy: 'key "ci"',
      });
      expect((await review.listScoreDefinitions(false)).map((d) => d.name)).toEqual([
        'helpfulness',
        'accuracy',
        'safe',
      ]);
    });

    it('refuses a second active definition with the same name, and allows one after archiving', async () => {
      const review = ctx.store().review;
      const first = await review.createScoreDefinition(helpfulness, 'Ada', NOW);
      expect(await review.createScoreDefinition(helpfulness, 'Bob', NOW)).toBeNull();
      const archived = await review.archiveScoreDefinition(first?.id ?? 0, NOW + 5);
      expect(archived?.archivedAt).toBe(NOW + 5);
      // Archiving twice keeps the first time.
      expect((await review.archiveScoreDefinition(first?.id ?? 0, NOW + 9))?.archivedAt).toBe(NOW + 5);
      expect(await review.scoreDefinitionNamed('helpfulness')).toMatchObject({
        id: first?.id,
        archivedAt: NOW + 5,
      });
      const second = await review.createScoreDefinition(helpfulness, 'Bob', NOW + 10);
      expect(second?.id).not.toBe(first?.id);
      expect(await review.scoreDefinitionNamed('helpfulness')).toMatchObject({
        id: second?.id,
        archivedAt: null,
      });
      expect((await review.listScoreDefinitions(false)).map((d) => d.id)).toEqual([second?.id]);
      expect((await review.listScoreDefinitions(true)).map((d) => d.id)).toEqual([first?.id, second?.id]);
    });

    it('answers null for unknown definitions', async () => {
      const review = ctx.store().review;
      expect(await review.scoreDefinitionNamed('nope')).toBeNull();
      expect(await review.archiveScoreDefinition(987_654, NOW)).toBeNull();
    });
  });

  describe('score comments', () => {
    it('upserts per request and score name, removes on null, and goes with the request', async () => {
      const store = ctx.store();
      const [a, b] = await store.insertRequests([
        makeNewRequest({ model: 'keep' }),
        makeNewRequest({ model: 'gone' }),
      ]);
      const idA = a ?? 0;
      const idB = b ?? 0;
      await store.review.setScoreComment(idA, 'helpfulness', 'too long', 'Ada', NOW);
      await store.review.setScoreComment(idA, 'helpfulness', 'too long, but right', 'Bob', NOW + 1);
      await store.review.setScoreComment(idA, 'accuracy', 'cites <b>sources</b>', 'Ada', NOW + 2);
      await store.review.setScoreComment(idB, 'accuracy', 'wrong year', 'Ada', NOW);
      expect(await store.review.scoreComments(idA)).toEqual([
        { name: 'accuracy', comment: 'cites <b>sources</b>', actor: 'Ada', at: NOW + 2 },
        { name: 'helpfulness', comment: 'too long, but right', actor: 'Bob', at: NOW + 1 },
      ]);
      await store.review.setScoreComment(idA, 'accuracy', null, 'Ada', NOW + 3);
      expect((await store.review.scoreComments(idA)).map((c) => c.name)).toEqual(['helpfulness']);
      await store.deleteRequests(filter({ models: ['gone'] }));
      expect(await store.review.scoreComments(idB)).toEqual([]);
      expect(await store.review.scoreComments(idA)).toHaveLength(1);
    });
  });

  describe('review filters', () => {
    /** Ids a filter lists (time order and cost order, small pages) and counts: all must agree. */
    async function matching(partial: Parameters<typeof filter>[0]): Promise<number[]> {
      const store = ctx.store();
      const f = filter(partial);
      const read = async (sort: 'time' | 'cost') => {
        const ids: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listRequests({ filter: f, sort, order: 'desc', limit: 2, cursor });
          ids.push(...page.rows.map((row) => row.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return ids.sort((a, b) => a - b);
      };
      const byTime = await read('time');
      expect(await read('cost')).toEqual(byTime);
      expect(await store.countRequests(f)).toBe(byTime.length);
      return byTime;
    }

    it('has no score X, scored by an author, has a comment; alone and with other parts', async () => {
      const store = ctx.store();
      const ids = await store.insertRequests(
        Array.from({ length: 7 }, (_, i) =>
          makeNewRequest({ startMs: NOW - i * 1000, price: i / 100, tags: i % 2 === 0 ? ['even'] : [] }),
        ),
      );
      const id = (i: number) => ids[i] as number;
      const scoreBy = async (i: number, name: string, value: number, actor: string) => {
        await store.setScore(id(i), name, value);
        await store.auth.recordAnnotation({
          requestId: id(i),
          kind: 'score',
          name,
          value: String(value),
          actor,
          at: NOW,
        });
      };
      await scoreBy(0, 'helpfulness', 100, 'Ada');
      await scoreBy(1, 'helpfulness', 0, 'Bob');
      await scoreBy(2, 'accuracy', 50, 'Ada');
      await scoreBy(3, 'accuracy', 50, 'Bob');
      await scoreBy(3, 'helpfulness', 50, 'Ada');
      // Ada scored 4, then removed it: no longer "scored by Ada" through that event alone.
      await store.auth.recordAnnotation({
        requestId: id(4),
        kind: 'score',
        name: 'x',
        value: null,
        actor: 'Ada',
        at: NOW,
      });
      await store.auth.recordAnnotation({
        requestId: id(4),
        kind: 'tag',
        name: 't',
        value: 't',
        actor: 'Ada',
        at: NOW,
      });
      await store.review.setScoreComment(id(1), 'helpfulness', 'wrong', 'Bob', NOW);
      await store.review.setScoreComment(id(3), 'accuracy', 'half right', 'Bob', NOW);

      expect(await matching({ noScores: ['helpfulness'] })).toEqual([id(2), id(4), id(5), id(6)]);
      expect(await matching({ noScores: ['helpfulness', 'accuracy'] })).toEqual([id(4), id(5), id(6)]);
      expect(await matching({ scoredBy: ['Ada'] })).toEqual([id(0), id(2), id(3)]);
      expect(await matching({ scoredBy: ['Ada', 'Bob'] })).toEqual([id(0), id(1), id(2), id(3)]);
      expect(await matching({ commented: true })).toEqual([id(1), id(3)]);
      expect(await matching({ commented: true, scoredBy: ['Ada'] })).toEqual([id(3)]);
      expect(await matching({ noScores: ['helpfulness'], tags: ['even'] })).toEqual([id(2), id(4), id(6)]);
      expect(await matching({ scoredBy: ['Ada'], scores: [{ name: 'accuracy', min: 0, max: 100 }] })).toEqual(
        [id(2), id(3)],
      );
      expect(await matching({ noScores: ['helpfulness'], from: NOW - 4500 })).toEqual([id(2), id(4)]);
      expect(await matching({ scoredBy: ['nobody'] })).toEqual([]);
      const probe = await store.probe(id(1), filter({ noScores: ['helpfulness'] }));
      expect(probe.newCount).toBe(ids.filter((x, i) => x > id(1) && [2, 4, 5, 6].includes(i)).length);
    });

    it('a prompt template version (issue #9): alone, with its template name, with other parts', async () => {
      const store = ctx.store();
      const ids = await store.insertRequests(
        Array.from({ length: 6 }, (_, i) =>
          makeNewRequest({
            startMs: NOW - i * 1000,
            price: i / 100,
            promptName: i < 4 ? 'weather' : 'travel',
            promptVersionNumber: i < 4 ? 1 + (i % 2) : 2,
            tags: i === 1 ? ['x'] : [],
          }),
        ),
      );
      const id = (i: number) => ids[i] as number;
      expect(await matching({ promptVersions: [2] })).toEqual([id(1), id(3), id(4), id(5)]);
      expect(await matching({ promptNames: ['weather'], promptVersions: [2] })).toEqual([id(1), id(3)]);
      expect(await matching({ promptNames: ['weather'], promptVersions: [1, 2] })).toEqual([
        id(0),
        id(1),
        id(2),
        id(3),
      ]);
      expect(await matching({ promptNames: ['weather'], promptVersions: [2], tags: ['x'] })).toEqual([id(1)]);
      expect(await matching({ promptVersions: [7] })).toEqual([]);
    });
  });

  describe('bulk annotate', () => {
    it('applies one action to many requests in one go, skipping ids that do not exist; facets follow', async () => {
      const store = ctx.store();
      const ids = await store.insertRequests(
        Array.from({ length: 4 }, () => makeNewRequest({ tags: ['old'] })),
      );
      const [a, b, c, d] = ids as [number, number, number, number];
      const first = await store.bulkAnnotate([a, b, c, 987_654_321, a], { kind: 'add-tag', tag: 'reviewed' });
      expect(first.acted.sort()).toEqual([a, b, c].sort());
      expect(first.missing).toEqual([987_654_321]);
      // All or none: a stale id means nothing is written.
      expect(
        await store.bulkAnnotate([a, 987_654_321], { kind: 'add-tag', tag: 'stale' }, { allOrNone: true }),
      ).toEqual({
        acted: [],
        missing: [987_654_321],
      });
      expect((await store.getRequest(a))?.tags).not.toContain('stale');
      const tagCount = async (tag: string) =>
        (await store.facets()).tags.find((t) => t.value === tag)?.count ?? 0;
      expect(await tagCount('reviewed')).toBe(3);
      expect(await store.countRequests(filter({ tags: ['reviewed'] }))).toBe(3);
      // Adding again changes nothing (and counts nothing twice).
      await store.bulkAnnotate([a, b], { kind: 'add-tag', tag: 'reviewed' });
      expect(await tagCount('reviewed')).toBe(3);
      await store.bulkAnnotate([a, d], { kind: 'remove-tag', tag: 'old' });
      expect(await tagCount('old')).toBe(2);
      await store.bulkAnnotate([b, c], { kind: 'set-score', name: 'helpfulness', value: 70 });
      await store.bulkAnnotate([c], { kind: 'set-score', name: 'helpfulness', value: 20 });
      expect(await store.countRequests(filter({ scores: [{ name: 'helpfulness', min: 50 }] }))).toBe(1);
      expect((await store.facets()).scoreNames).toEqual([{ value: 'helpfulness', count: 2 }]);
      await store.bulkAnnotate([a, b, c, d], { kind: 'set-metadata', key: 'batch', value: 'one' });
      await store.bulkAnnotate([d], { kind: 'delete-metadata', key: 'batch' });
      expect(await store.countRequests(filter({ metadata: [{ key: 'batch', values: ['one'] }] }))).toBe(3);
      await store.bulkAnnotate([b], { kind: 'delete-score', name: 'helpfulness' });
      expect((await store.getRequest(b))?.scores).toEqual({});
      expect(await store.getRequest(c)).toMatchObject({
        scores: { helpfulness: 20 },
        metadata: { batch: 'one' },
      });
      expect((await store.bulkAnnotate([987_654_321], { kind: 'add-tag', tag: 'x' })).acted).toEqual([]);
    });

    it('deletes a selection of ids in one transaction, all or none; counts and facets follow', async () => {
      const store = ctx.store();
      const ids = await store.insertRequests(
        Array.from({ length: 4 }, () => makeNewRequest({ tags: ['doomed'], model: 'm-del' })),
      );
      const [a, b, c, d] = ids as [number, number, number, number];
      expect(await store.deleteRequestIds([a, 987_654_321], { allOrNone: true })).toEqual({
        acted: [],
        missing: [987_654_321],
      });
      expect(await store.getRequest(a)).not.toBeNull();
      const gone = await store.deleteRequestIds([b, a, b, 987_654_321]);
      expect(gone.acted.sort()).toEqual([a, b].sort());
      expect(gone.missing).toEqual([987_654_321]);
      expect(await store.getRequest(a)).toBeNull();
      expect(await store.countRequests(filter({ tags: ['doomed'] }))).toBe(2);
      expect((await store.facets()).tags.find((t) => t.value === 'doomed')?.count).toBe(2);
      expect((await store.deleteRequestIds([c, d], { allOrNone: true })).acted.sort()).toEqual([c, d].sort());
      expect(await store.countRequests(filter({ models: ['m-del'] }))).toBe(0);
      expect(await store.deleteRequestIds([a])).toEqual({ acted: [], missing: [a] });
    });
  });
}
