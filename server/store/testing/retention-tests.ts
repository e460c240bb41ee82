/** Retention's batches: oldest first, only before the cutoff, never what is kept, indexes and counts in step. */
import { describe, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import type { NewSpan } from '../spans.ts';
import type { PurgeBatchInput, PurgeSpansInput, RetentionKeep, Store } from '../store.ts';
import { type ContractContext, filter } from './context.ts';
import { BASE_MS } from './dataset.ts';

const DAY = 86_400_000;

/** 24 old requests (every third scored, every fourth tagged "keep") and 6 recent ones. */
async function seedAges(store: Store) {
  const old = Array.from({ length: 24 }, (_, i) =>
    makeNewRequest({
      startMs: BASE_MS - 40 * DAY + (i % 8) * 1000,
      inputText: `[user]: archived question ${i} purgeme`,
      scores: i % 3 === 0 ? { default: 50 } : {},
      tags: i % 4 === 0 ? ['keep'] : ['other'],
      model: i % 2 === 0 ? 'gpt-4o' : 'old-model',
    }),
  );
  const recent = Array.from({ length: 6 }, (_, i) =>
    makeNewRequest({ startMs: BASE_MS + i * 1000, inputText: '[user]: fresh purgeme', tags: ['other'] }),
  );
  const oldIds = await store.insertRequests(old);
  const recentIds = await store.insertRequests(recent);
  return { old: old.map((request, i) => ({ id: oldIds[i] as number, request })), recentIds };
}

async function purgeAll(store: Store, keep: RetentionKeep): Promise<{ deleted: number; batches: number }> {
  let input: PurgeBatchInput = { beforeMs: BASE_MS - DAY, keep, scan: 5, after: null };
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const result = await store.purgeBatch(input);
    deleted += result.deleted;
    batches += 1;
    if (result.next === null) return { deleted, batches };
    input = { ...input, after: result.next };
  }
}

async function purgeAllSpans(store: Store): Promise<{ deleted: number; batches: number }> {
  let input: PurgeSpansInput = { beforeMs: BASE_MS - DAY, scan: 2, after: null };
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const result = await store.purgeSpansBatch(input);
    deleted += result.deleted;
    batches += 1;
    if (result.next === null) return { deleted, batches };
    input = { ...input, after: result.next };
  }
}

/** A root span, an LLM span (logged as a request when `request` is given) and a tool span. */
async function seedTrace(
  store: Store,
  traceId: string,
  startMs: number,
  request: { scored: boolean } | null,
) {
  const startUs = startMs * 1000;
  const span = (spanId: string, parentSpanId: string | null, offsetUs: number): NewSpan => ({
    traceId,
    spanId,
    parentSpanId,
    name: `step ${spanId}`,
    kind: 1,
    startUs: startUs + offsetUs,
    endUs: startUs + offsetUs + 500,
    statusCode: 0,
    statusMessage: null,
    attributes: { 'input.value': 'agent step' },
    events: [],
    resource: { 'service.name': 'retention-test' },
    scope: null,
  });
  const id = (n: number) => `${traceId.slice(-8)}0000000${n}`;
  const root = span(id(1), null, 0);
  await store.ingestSpans([
    { span: root, request: null, linkSpanId: null },
    {
      span: span(id(2), root.spanId, 1000),
      request: request && makeNewRequest({ startMs, scores: request.scored ? { default: 90 } : {} }),
      linkSpanId: null,
    },
    { span: span(id(3), root.spanId, 2000), request: null, linkSpanId: null },
  ]);
}

export function defineRetentionTests(ctx: ContractContext): void {
  describe('retention', () => {
    it('deletes requests older than the cutoff in batches, keeping scored and tagged ones', async () => {
      const store = ctx.store();
      const { old, recentIds } = await seedAges(store);
      const keptIds = old
        .filter(({ request }) => Object.keys(request.scores).length > 0 || request.tags.includes('keep'))
        .map(({ id }) => id);
      const { deleted, batches } = await purgeAll(store, { scored: true, tags: ['keep'] });
      expect(deleted).toBe(old.length - keptIds.length);
      expect(batches).toBeGreaterThanOrEqual(5);
      const left = await store.listRequests({ filter: filter(), sort: 'time', order: 'asc', limit: 100 });
      expect(left.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(
        [...keptIds, ...recentIds].sort((a, b) => a - b),
      );
      // Counters, facets, the word and the trigram index forgot the deleted rows.
      expect(await store.countRequests(filter())).toBe(keptIds.length + recentIds.length);
      expect(await store.countRequests(filter({ q: 'purgeme' }))).toBe(keptIds.length + recentIds.length);
      expect(await store.countRequests(filter({ q: 'archived' }))).toBe(keptIds.length);
      const facets = await store.facets();
      const other = facets.tags.find((tag) => tag.value === 'other')?.count;
      expect(other).toBe(left.rows.filter((row) => row.tags.includes('other')).length);
      // Nothing left to do: a second run deletes nothing.
      expect((await purgeAll(store, { scored: true, tags: ['keep'] })).deleted).toBe(0);
    });

    it('keeps only scored requests when asked, and everything recent', async () => {
      const store = ctx.store();
      const { old, recentIds } = await seedAges(store);
      const scored = old.filter(({ request }) => Object.keys(request.scores).length > 0).map(({ id }) => id);
      expect((await purgeAll(store, { scored: true, tags: [] })).deleted).toBe(old.length - scored.length);
      expect(await store.countRequests(filter())).toBe(scored.length + recentIds.length);
      expect(await store.countRequests(filter({ scores: [{ name: 'default' }] }))).toBe(scored.length);
    });

    it('without keep rules deletes every old request, and reports its size', async () => {
      const store = ctx.store();
      const { recentIds } = await seedAges(store);
      const before = await store.storageInfo();
      expect(before.bytes).toBeGreaterThan(0);
      expect((await purgeAll(store, { scored: false, tags: [] })).deleted).toBe(24);
      expect(await store.countRequests(filter())).toBe(recentIds.length);
      expect(await store.reclaimSpace(1 << 30)).toBeGreaterThanOrEqual(0);
      expect((await store.storageInfo()).bytes).toBeGreaterThan(0);
    });

    it("deletes old spans of traces with no request left, keeping a kept request's whole trace", async () => {
      const store = ctx.store();
      const old = BASE_MS - 40 * DAY;
      const trace = (n: number) => `${n}`.padStart(32, 'c');
      await seedTrace(store, trace(1), old, { scored: false });
      await seedTrace(store, trace(2), old + 1000, { scored: true });
      await seedTrace(store, trace(3), old + 2000, null);
      await seedTrace(store, trace(4), BASE_MS, null);
      await seedTrace(store, trace(5), BASE_MS, { scored: false });

      // Before the requests go, every old trace still holding a request stays.
      expect((await purgeAllSpans(store)).deleted).toBe(3);
      expect(await store.getTrace(trace(3))).toBeNull();

      expect((await purgeAll(store, { scored: true, tags: [] })).deleted).toBe(1);
      const { deleted, batches } = await purgeAllSpans(store);
      expect(deleted).toBe(3);
      expect(batches).toBeGreaterThanOrEqual(3);
      expect(await store.getTrace(trace(1))).toBeNull();
      expect((await store.getTrace(trace(2)))?.spans).toHaveLength(3);
      expect((await store.getTrace(trace(4)))?.spans).toHaveLength(3);
      expect((await store.getTrace(trace(5)))?.spans).toHaveLength(3);
      expect((await purgeAllSpans(store)).deleted).toBe(0);
    });
  });
}
