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
}
