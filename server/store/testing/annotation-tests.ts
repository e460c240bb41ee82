/** Detail, metadata/score/tag upserts, prompt and group links, facets. */
import { describe, expect, it } from 'vitest';
import { facetsResponseSchema, requestDetailSchema } from '../../../contract/api.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { type ContractContext, filter } from './context.ts';

const UNKNOWN_ID = 987_654_321;

export function defineAnnotationTests(ctx: ContractContext): void {
  describe('detail', () => {
    it('returns everything that was stored, including the full blueprints', async () => {
      const input = {
        type: 'chat',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'héllo <script>alert(1)</script> 🌍' }] }],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
      };
      const request = makeNewRequest({
        provider: 'anthropic',
        model: 'claude-3-5-sonnet',
        functionName: 'anthropic.messages.create',
        apiType: 'messages',
        status: 'WARNING',
        errorType: 'PROVIDER_PARTIAL_RESPONSE',
        errorMessage: 'cut short',
        startMs: Date.UTC(2025, 1, 2, 3, 4, 5, 678),
        endMs: Date.UTC(2025, 1, 2, 3, 4, 7, 0),
        inputTokens: 7,
        outputTokens: 11,
        price: 0.000_123_4,
        promptName: 'greeter',
        promptId: 'p-1',
        promptVersionNumber: 3,
        promptInputVariables: { city: 'Paris' },
        parameters: { temperature: 0.5, max_tokens: 100 },
        input,
        output: { type: 'chat', messages: [{ role: 'assistant', content: null, tool_calls: [] }] },
        isToolCall: true,
        toolNames: ['get_weather', 'search'],
        tags: ['a', 'b'],
        metadata: { user_id: 'u-1', empty: '' },
        scores: { default: 0, quality: 100 },
      });
      const id = await ctx.store().insertRequest(request);
      const detail = requestDetailSchema.parse(await ctx.store().getRequest(id));
      expect(detail).toMatchObject({
        id,
        provider: 'anthropic',
        model: 'claude-3-5-sonnet',
        functionName: 'anthropic.messages.create',
        apiType: 'messages',
        status: 'WARNING',
        errorType: 'PROVIDER_PARTIAL_RESPONSE',
        errorMessage: 'cut short',
        startTime: '2025-02-02T03:04:05.678Z',
        endTime: '2025-02-02T03:04:07.000Z',
        latencyMs: 1322,
        inputTokens: 7,
        outputTokens: 11,
        totalTokens: 18,
        cost: 0.000_123_4,
        promptName: 'greeter',
        promptId: 'p-1',
        promptVersion: 3,
        promptInputVariables: { city: 'Paris' },
        groupId: null,
        parameters: { temperature: 0.5, max_tokens: 100 },
        input,
        output: request.output,
        isToolCall: true,
        toolNames: ['get_weather', 'search'],
        metadata: { user_id: 'u-1', empty: '' },
        scores: { default: 0, quality: 100 },
      });
      expect([...detail.tags].sort()).toEqual(['a', 'b']);
    });

    it('returns null for an unknown id', async () => {
      expect(await ctx.store().getRequest(UNKNOWN_ID)).toBeNull();
    });

    it('gives ids that increase in insertion order, batch or not', async () => {
      const one = await ctx.store().insertRequest(makeNewRequest());
      const many = await ctx.store().insertRequests([makeNewRequest(), makeNewRequest(), makeNewRequest()]);
      const concurrent = await Promise.all(
        [1, 2, 3, 4].map(() => ctx.store().insertRequest(makeNewRequest())),
      );
      const all = [one, ...many, ...concurrent];
      expect(all).toEqual([...all].sort((a, b) => a - b));
      expect(new Set(all).size).toBe(all.length);
      expect(await ctx.store().insertRequests([])).toEqual([]);
    });
  });

  describe('annotations', () => {
    it('metadata: per-key upsert keeps keys not named; delete removes one key', async () => {
      const store = ctx.store();
      const id = await store.insertRequest(makeNewRequest({ metadata: { a: '1', b: '2' } }));
      expect(await store.setMetadata(id, { b: '20', c: '3' })).toEqual({
        id,
        tags: [],
        metadata: { a: '1', b: '20', c: '3' },
        scores: {},
      });
      expect((await store.deleteMetadata(id, 'a'))?.metadata).toEqual({ b: '20', c: '3' });
      expect((await store.deleteMetadata(id, 'missing'))?.metadata).toEqual({ b: '20', c: '3' });
      expect((await store.getRequest(id))?.metadata).toEqual({ b: '20', c: '3' });
    });

    it('scores: upsert by name; delete one name', async () => {
      const store = ctx.store();
      const id = await store.insertRequest(makeNewRequest({ scores: { default: 10 } }));
      expect((await store.setScore(id, 'default', 90))?.scores).toEqual({ default: 90 });
      expect((await store.setScore(id, 'accuracy', 0))?.scores).toEqual({ default: 90, accuracy: 0 });
      expect((await store.setScore(id, 'accuracy', 100))?.scores).toEqual({ default: 90, accuracy: 100 });
      expect((await store.deleteScore(id, 'default'))?.scores).toEqual({ accuracy: 100 });
      expect((await store.getRequest(id))?.scores).toEqual({ accuracy: 100 });
    });

    it('keys named like Object properties (__proto__, constructor) are ordinary keys', async () => {
      const store = ctx.store();
      const id = await store.insertRequest(makeNewRequest({ metadata: { constructor: 'c' } }));
      // As a route hands it over: parsed from JSON, where __proto__ is an own key.
      await store.setMetadata(id, JSON.parse('{"__proto__": "p"}') as Record<string, string>);
      await store.setScore(id, '__proto__', 42);
      const detail = await store.getRequest(id);
      expect(JSON.parse(JSON.stringify(detail?.metadata))).toEqual(
        JSON.parse('{"constructor": "c", "__proto__": "p"}'),
      );
      expect(Object.keys(detail?.scores ?? {})).toEqual(['__proto__']);
      const page = await store.listRequests({ filter: filter(), sort: 'time', order: 'desc', limit: 50 });
      const row = page.rows.find((r) => r.id === id);
      expect(Object.keys(row?.scores ?? {})).toEqual(['__proto__']);
    });

    it('tags: adding twice keeps one; removing works', async () => {
      const store = ctx.store();
      const id = await store.insertRequest(makeNewRequest({ tags: ['x'] }));
      await store.addTag(id, 'y');
      expect([...((await store.addTag(id, 'y'))?.tags ?? [])].sort()).toEqual(['x', 'y']);
      expect((await store.removeTag(id, 'x'))?.tags).toEqual(['y']);
      expect((await store.removeTag(id, 'absent'))?.tags).toEqual(['y']);
    });

    it('every annotation write on an unknown id returns null and writes nothing', async () => {
      const store = ctx.store();
      const before = await store.facets();
      expect(await store.setMetadata(UNKNOWN_ID, { k: 'v' })).toBeNull();
      expect(await store.deleteMetadata(UNKNOWN_ID, 'k')).toBeNull();
      expect(await store.setScore(UNKNOWN_ID, 'default', 5)).toBeNull();
      expect(await store.deleteScore(UNKNOWN_ID, 'default')).toBeNull();
      expect(await store.addTag(UNKNOWN_ID, 't')).toBeNull();
      expect(await store.removeTag(UNKNOWN_ID, 't')).toBeNull();
      expect(
        await store.linkPrompt(UNKNOWN_ID, {
          promptName: 'p',
          promptInputVariables: null,
          versionNumber: null,
          label: null,
        }),
      ).toBe(false);
      expect(await store.setGroup(UNKNOWN_ID, 1)).toBe(false);
      expect(await store.facets()).toEqual(before);
    });

    it('linkPrompt and groups show in the detail and the prompt facet', async () => {
      const store = ctx.store();
      const id = await store.insertRequest(makeNewRequest({ promptName: 'old' }));
      expect(
        await store.linkPrompt(id, {
          promptName: 'new',
          promptInputVariables: { x: 1 },
          versionNumber: 4,
          label: 'prod',
        }),
      ).toBe(true);
      const groupA = await store.createGroup();
      const groupB = await store.createGroup();
      expect(groupB).toBeGreaterThan(groupA);
      expect(await store.setGroup(id, groupB)).toBe(true);
      expect(await store.getRequest(id)).toMatchObject({
        promptName: 'new',
        promptVersion: 4,
        promptInputVariables: { x: 1 },
        groupId: groupB,
      });
      expect((await store.facets()).promptNames).toEqual([{ value: 'new', count: 1 }]);
      const listed = await store.listRequests({
        filter: filter({ promptNames: ['new'] }),
        sort: 'time',
        order: 'desc',
        limit: 5,
      });
      expect(listed.rows.map((row) => row.id)).toEqual([id]);
    });
  });

  describe('facets', () => {
    it('counts models with provider, providers, statuses, tags, prompts, metadata keys and score names', async () => {
      const store = ctx.store();
      await store.insertRequests([
        makeNewRequest({
          model: 'm1',
          provider: 'p1',
          tags: ['t1', 't2'],
          metadata: { k1: 'a' },
          scores: { s1: 1 },
        }),
        makeNewRequest({
          model: 'm1',
          provider: 'p1',
          tags: ['t1'],
          metadata: { k1: 'b', k2: 'c' },
          promptName: 'pr',
        }),
      ]);
      await store.insertRequest(
        makeNewRequest({ model: 'm2', provider: 'p2', status: 'ERROR', scores: { s1: 5, s2: 6 } }),
      );
      const facets = facetsResponseSchema.parse(await store.facets());
      expect(facets.models).toEqual([
        { value: 'm1', provider: 'p1', count: 2 },
        { value: 'm2', provider: 'p2', count: 1 },
      ]);
      expect(facets.providers).toEqual([
        { value: 'p1', count: 2 },
        { value: 'p2', count: 1 },
      ]);
      expect(facets.statuses).toEqual([
        { value: 'SUCCESS', count: 2 },
        { value: 'ERROR', count: 1 },
      ]);
      expect(facets.tags).toEqual([
        { value: 't1', count: 2 },
        { value: 't2', count: 1 },
      ]);
      expect(facets.promptNames).toEqual([{ value: 'pr', count: 1 }]);
      expect(facets.metadataKeys).toEqual([
        { value: 'k1', count: 2 },
        { value: 'k2', count: 1 },
      ]);
      expect(facets.scoreNames).toEqual([
        { value: 's1', count: 2 },
        { value: 's2', count: 1 },
      ]);
    });

    it('a batch that fails writes nothing and leaves the counts as they were', async () => {
      const store = ctx.store();
      await store.insertRequest(makeNewRequest({ model: 'kept', tags: ['t'] }));
      const before = await store.facets();
      const broken = makeNewRequest({ model: null as unknown as string });
      await expect(
        store.insertRequests([makeNewRequest({ model: 'rolled-back', tags: ['t'] }), broken]),
      ).rejects.toThrow();
      expect(await store.facets()).toEqual(before);
      // The next write must not carry the rolled-back batch's counts along.
      await store.insertRequest(makeNewRequest({ model: 'kept', tags: ['t'] }));
      const after = await store.facets();
      expect(after.models.find((m) => m.value === 'rolled-back')).toBeUndefined();
      expect(after.tags.find((t) => t.value === 't')?.count).toBe(2);
      expect(await store.countRequests(filter({ tags: ['t'] }))).toBe(2);
    });

    it('follows annotation writes and deletes', async () => {
      const store = ctx.store();
      const [a, b] = await store.insertRequests([
        makeNewRequest({ model: 'm1', tags: ['keep'], metadata: { k: 'v1' } }),
        makeNewRequest({ model: 'm2', tags: ['gone'], metadata: { k: 'v2' }, scores: { s: 3 } }),
      ]);
      await store.addTag(a ?? 0, 'extra');
      await store.addTag(a ?? 0, 'extra');
      await store.setMetadata(a ?? 0, { k: 'v2', other: 'x' });
      await store.setScore(a ?? 0, 's', 9);
      await store.setScore(a ?? 0, 's', 10);
      let facets = await store.facets();
      expect(facets.tags).toEqual(
        expect.arrayContaining([
          { value: 'extra', count: 1 },
          { value: 'keep', count: 1 },
          { value: 'gone', count: 1 },
        ]),
      );
      expect(facets.metadataKeys).toEqual([
        { value: 'k', count: 2 },
        { value: 'other', count: 1 },
      ]);
      expect(facets.scoreNames).toEqual([{ value: 's', count: 2 }]);
      expect(await store.metadataValues('k', '', 10)).toEqual([{ value: 'v2', count: 2 }]);

      await store.deleteRequests(filter({ models: ['m2'] }));
      await store.removeTag(a ?? 0, 'extra');
      await store.deleteMetadata(a ?? 0, 'other');
      facets = await store.facets();
      expect(facets.models.map((m) => m.value)).toEqual(['m1']);
      expect(facets.tags).toEqual([{ value: 'keep', count: 1 }]);
      expect(facets.metadataKeys).toEqual([{ value: 'k', count: 1 }]);
      expect(facets.scoreNames).toEqual([{ value: 's', count: 1 }]);
      expect(await store.metadataValues('k', '', 10)).toEqual([{ value: 'v2', count: 1 }]);
      expect(b).toBeGreaterThan(a ?? 0);
    });

    it('lists metadata values by prefix with counts, most frequent first', async () => {
      const store = ctx.store();
      await store.insertRequests(
        ['alice', 'alice', 'alfred', 'bob', 'al%ce', 'alice'].map((user) =>
          makeNewRequest({ metadata: { user } }),
        ),
      );
      expect(await store.metadataValues('user', 'al', 10)).toEqual([
        { value: 'alice', count: 3 },
        { value: 'al%ce', count: 1 },
        { value: 'alfred', count: 1 },
      ]);
      expect(await store.metadataValues('user', 'al%', 10)).toEqual([{ value: 'al%ce', count: 1 }]);
      expect(await store.metadataValues('user', '', 2)).toHaveLength(2);
      expect(await store.metadataValues('user', 'zzz', 10)).toEqual([]);
      expect(await store.metadataValues('nokey', '', 10)).toEqual([]);
    });
  });
}
