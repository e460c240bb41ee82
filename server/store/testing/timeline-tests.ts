/**
 * The timeline against a full scan: every bucket's counts by status, cost and p95 latency bin
 * must equal what the stored rows (read back through exportRequests) say, on the rollup path
 * and on the scan path, after deletes, prompt relinks, tag changes and late old timestamps.
 */
import { describe, expect, it } from 'vitest';
import type { RequestDetail, RequestFilter } from '../../../contract/api.ts';
import {
  type TimelineMetric,
  type TimelineResponse,
  timelineResponseSchema,
} from '../../../contract/timeline.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { HOUR_MS, LATENCY_BOUNDS, latencyBin, p95FromBins } from '../sql/timeline-plan.ts';
import type { NewRequest } from '../store.ts';
import { type ContractContext, filter } from './context.ts';

const BASE = Date.UTC(2025, 3, 1);
const MODELS = [
  ['openai', 'gpt-4o'],
  ['openai', 'gpt-4o-mini'],
  ['anthropic', 'claude-3-5-sonnet'],
] as const;
const STATUSES = ['SUCCESS', 'SUCCESS', 'SUCCESS', 'WARNING', 'ERROR'] as const;

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function spread(count: number, seed: number, fromMs: number, spanMs: number): NewRequest[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const [provider, model] = MODELS[Math.floor(next() * MODELS.length)] ?? MODELS[0];
    const startMs = fromMs + Math.floor(next() * spanMs);
    return makeNewRequest({
      provider,
      model,
      status: STATUSES[Math.floor(next() * STATUSES.length)] ?? 'SUCCESS',
      startMs,
      endMs: startMs + Math.floor(10 + next() ** 3 * 20_000),
      price: Math.round(next() * 1000) / 100_000,
      promptName: i % 3 === 0 ? null : i % 3 === 1 ? 'weather' : 'summary',
      promptVersionNumber: i % 3 === 0 ? null : 1 + (i % 2),
      tags: i % 4 === 0 ? ['prod'] : i % 4 === 1 ? ['prod', 'beta'] : [],
      metadata: i % 5 === 0 ? { team: 'search' } : {},
      inputText: i % 7 === 0 ? 'needle in the input' : 'plain question',
    });
  });
}

async function exported(ctx: ContractContext, f: RequestFilter): Promise<RequestDetail[]> {
  const rows: RequestDetail[] = [];
  for await (const row of ctx.store().exportRequests(f, { sort: 'time', order: 'desc' })) rows.push(row);
  return rows;
}

/** The timeline computed from the rows themselves. */
function expectedBuckets(rows: RequestDetail[], timeline: TimelineResponse, metric: TimelineMetric) {
  const size = timeline.bucketMs;
  const out = new Map<
    number,
    { success: number; warning: number; error: number; cost: number; bins: number[] }
  >();
  for (const bucket of timeline.buckets) {
    out.set(bucket.t, {
      success: 0,
      warning: 0,
      error: 0,
      cost: 0,
      bins: new Array(LATENCY_BOUNDS.length + 1).fill(0),
    });
  }
  for (const row of rows) {
    const t = Math.floor(Date.parse(row.startTime) / size) * size;
    const bucket = out.get(t);
    if (!bucket) throw new Error(`row at ${row.startTime} outside the drawn buckets`);
    const key = row.status === 'SUCCESS' ? 'success' : row.status === 'WARNING' ? 'warning' : 'error';
    bucket[key] += 1;
    bucket.cost += row.cost;
    const bin = latencyBin(row.latencyMs);
    bucket.bins[bin] = (bucket.bins[bin] ?? 0) + 1;
  }
  return [...out.entries()].map(([t, b]) => ({
    t,
    success: b.success,
    warning: b.warning,
    error: b.error,
    cost: b.cost,
    ...(metric === 'latency' ? { p95LatencyMs: p95FromBins(b.bins) } : {}),
  }));
}

async function expectMatchesScan(ctx: ContractContext, f: RequestFilter, metric: TimelineMetric = 'volume') {
  const timeline = timelineResponseSchema.parse(await ctx.store().timeline({ filter: f, metric }));
  const rows = await exported(ctx, f);
  const expected = expectedBuckets(rows, timeline, metric);
  expect(timeline.buckets.length).toBe(expected.length);
  timeline.buckets.forEach((bucket, i) => {
    const want = expected[i];
    expect({ ...bucket, cost: 0 }).toEqual({ ...want, cost: 0 });
    expect(bucket.cost).toBeCloseTo(want?.cost ?? 0, 9);
  });
  const total = timeline.buckets.reduce((sum, b) => sum + b.success + b.warning + b.error, 0);
  expect(total).toBe(rows.length);
  return timeline;
}

const THREE_DAYS = { from: BASE, to: BASE + 3 * 24 * HOUR_MS };
const RAGGED = { from: BASE + 37 * 60_000, to: BASE + 2 * 24 * HOUR_MS + 13 * 60_000 };
const TWO_HOURS = { from: BASE + 5 * HOUR_MS + 17 * 60_000, to: BASE + 7 * HOUR_MS + 17 * 60_000 };

const FILTERS: [string, Partial<RequestFilter>][] = [
  ['no filter', {}],
  ['one model', { models: ['gpt-4o'] }],
  ['status and provider', { statuses: ['ERROR', 'WARNING'], providers: ['openai'] }],
  ['prompt', { promptNames: ['weather'] }],
  ['two providers', { providers: ['openai', 'anthropic'] }],
  ['models and prompt (cross rollup)', { models: ['gpt-4o', 'claude-3-5-sonnet'], promptNames: ['weather'] }],
  ['tag (scan)', { tags: ['prod'] }],
  ['metadata (scan)', { metadata: [{ key: 'team', values: ['search'] }] }],
  ['q (scan)', { q: 'needle' }],
  ['prompt version (scan)', { promptNames: ['weather'], promptVersions: [2] }],
];

export function defineTimelineTests(ctx: ContractContext): void {
  describe('timeline', () => {
    async function seed() {
      const requests = spread(240, 7, BASE, 3 * 24 * HOUR_MS);
      for (const request of requests.slice(0, 40)) await ctx.store().insertRequest(request);
      await ctx.store().insertRequests(requests.slice(40));
    }

    it('answers whole hours from the rollups and matches a full scan for each filter and range', async () => {
      await seed();
      for (const [, partial] of FILTERS) {
        for (const range of [THREE_DAYS, RAGGED, TWO_HOURS]) {
          const timeline = await expectMatchesScan(ctx, filter({ ...partial, ...range }));
          const rollup =
            !partial.tags &&
            !partial.metadata &&
            !partial.q &&
            !partial.promptVersions &&
            range !== TWO_HOURS;
          expect(timeline.source).toBe(rollup ? 'rollup' : 'scan');
        }
      }
    });

    it('p95 latency per bucket matches the rows on both paths', async () => {
      await seed();
      await expectMatchesScan(ctx, filter(THREE_DAYS), 'latency');
      await expectMatchesScan(ctx, filter({ ...RAGGED, models: ['gpt-4o'] }), 'latency');
      await expectMatchesScan(ctx, filter({ ...THREE_DAYS, tags: ['beta'] }), 'latency');
    });

    it('stays exact after deletes, prompt relinks, tag changes and late old timestamps', async () => {
      await seed();
      await ctx.store().deleteRequests(filter({ models: ['gpt-4o-mini'], statuses: ['ERROR'] }));
      const some = await ctx.store().listRequests({
        filter: filter({ promptNames: ['weather'] }),
        sort: 'time',
        order: 'desc',
        limit: 20,
      });
      for (const row of some.rows.slice(0, 10)) {
        await ctx.store().linkPrompt(row.id, {
          promptName: 'summary',
          promptInputVariables: null,
          versionNumber: 2,
          label: null,
        });
        await ctx.store().addTag(row.id, 'relinked');
      }
      for (const row of some.rows.slice(10)) await ctx.store().removeTag(row.id, 'prod');
      // Late arrivals: requests that started days before everything stored so far.
      await ctx.store().insertRequests(spread(30, 11, BASE - 2 * 24 * HOUR_MS, 24 * HOUR_MS));
      const wide = { from: BASE - 2 * 24 * HOUR_MS, to: BASE + 3 * 24 * HOUR_MS };
      const relinked: [string, Partial<RequestFilter>] = ['relinked', { tags: ['relinked'] }];
      for (const [, partial] of [...FILTERS, relinked]) {
        await expectMatchesScan(ctx, filter({ ...partial, ...wide }));
        await expectMatchesScan(ctx, filter({ ...partial, ...RAGGED }));
      }
      await expectMatchesScan(ctx, filter({ ...wide, promptNames: ['summary'] }), 'latency');
    });

    it('without a range draws from the first stored hour; an empty store has buckets but no requests', async () => {
      const empty = await ctx.store().timeline({ filter: filter(), metric: 'volume' });
      expect(empty.buckets.every((b) => b.success + b.warning + b.error === 0)).toBe(true);
      await seed();
      const all = await ctx.store().timeline({ filter: filter(), metric: 'volume' });
      expect(all.from).toBe(BASE);
      expect(all.buckets.reduce((sum, b) => sum + b.success + b.warning + b.error, 0)).toBe(240);
      expect(all.buckets.length).toBeLessThanOrEqual(121);
    });
  });
}
