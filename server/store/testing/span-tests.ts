/** Spans: ingest with their requests, linking to requests already logged, trace and span reads. */
import { describe, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import type { NewSpan, SpanIngest } from '../spans.ts';
import type { NewRequest } from '../store.ts';
import { type ContractContext, filter } from './context.ts';

const TRACE = '0af7651916cd43dd8448eb211c80319c';

function span(spanId: string, overrides: Partial<NewSpan> = {}): NewSpan {
  return {
    traceId: TRACE,
    spanId,
    parentSpanId: null,
    name: `span ${spanId}`,
    kind: 1,
    startUs: 1_700_000_000_000_000,
    endUs: 1_700_000_000_500_000,
    statusCode: 0,
    statusMessage: null,
    attributes: {},
    events: [],
    resource: { 'service.name': 'test' },
    scope: null,
    ...overrides,
  };
}

const item = (
  s: NewSpan,
  request: NewRequest | null = null,
  linkSpanId: string | null = null,
): SpanIngest => ({
  span: s,
  request,
  linkSpanId,
});

export function defineSpanTests(ctx: ContractContext): void {
  describe('spans', () => {
    it('stores a trace and logs its LLM spans as requests that keep their trace', async () => {
      const root = span('1000000000000001', { name: 'agent', startUs: 1_000, endUs: 9_000 });
      const llm = span('1000000000000002', {
        parentSpanId: root.spanId,
        name: 'chat gpt-4o',
        kind: 3,
        startUs: 2_000,
        endUs: 5_000,
      });
      const tool = span('1000000000000003', {
        parentSpanId: root.spanId,
        name: 'tool',
        startUs: 6_000,
        endUs: 7_000,
        statusCode: 2,
        statusMessage: 'boom',
        attributes: { 'input.value': 'x', nested: { a: [1, 'two'] } },
        events: [{ name: 'exception', timeUs: 6_500, attributes: { 'exception.message': 'boom' } }],
      });
      const results = await ctx.store().ingestSpans([item(tool), item(llm, makeNewRequest()), item(root)]);
      expect(results.map((r) => r.created)).toEqual([true, true, true]);
      const requestId = results[1]?.requestId as number;
      expect(requestId).toBeGreaterThan(0);
      expect(results[0]?.requestId).toBeNull();

      const trace = await ctx.store().getTrace(TRACE);
      expect(trace?.truncated).toBe(false);
      expect(trace?.spans.map((s) => [s.spanId, s.parentSpanId, s.requestId])).toEqual([
        [root.spanId, null, null],
        [llm.spanId, root.spanId, requestId],
        [tool.spanId, root.spanId, null],
      ]);
      expect(trace?.spans[1]).toMatchObject({ name: 'chat gpt-4o', kind: 3, startUs: 2_000, endUs: 5_000 });
      expect(await ctx.store().getRequest(requestId)).toMatchObject({ traceId: TRACE, spanId: llm.spanId });

      expect(await ctx.store().getSpan(TRACE, tool.spanId)).toMatchObject({
        traceId: TRACE,
        statusCode: 2,
        statusMessage: 'boom',
        attributes: tool.attributes,
        events: tool.events,
        resource: { 'service.name': 'test' },
      });
      expect(await ctx.store().getSpan(TRACE, 'ffffffffffffffff')).toBeNull();
      expect(await ctx.store().getTrace('ffffffffffffffffffffffffffffffff')).toBeNull();
    });

    it('keeps epoch-microsecond times of today exactly', async () => {
      const startUs = Date.UTC(2026, 10, 27) * 1000 + 123;
      await ctx.store().ingestSpans([item(span('2000000000000001', { startUs, endUs: startUs + 1 }))]);
      expect((await ctx.store().getTrace(TRACE))?.spans[0]).toMatchObject({ startUs, endUs: startUs + 1 });
    });

    it('stores a re-sent span once and does not log its request twice', async () => {
      const llm = span('3000000000000001');
      const first = await ctx.store().ingestSpans([item(llm, makeNewRequest())]);
      const again = await ctx.store().ingestSpans([item(llm, makeNewRequest())]);
      expect(again[0]).toMatchObject({ created: false, requestId: first[0]?.requestId });
      expect(await ctx.store().countRequests(filter())).toBe(1);
      expect((await ctx.store().getTrace(TRACE))?.spans).toHaveLength(1);
    });

    it('links a span to the request /track-request already logged under its span id', async () => {
      const logged = await ctx.store().insertRequest(makeNewRequest({ spanId: '4000000000000001' }));
      const results = await ctx.store().ingestSpans([item(span('4000000000000001'), makeNewRequest())]);
      expect(results[0]?.requestId).toBe(logged);
      expect(await ctx.store().countRequests(filter())).toBe(1);
      expect(await ctx.store().getRequest(logged)).toMatchObject({
        traceId: TRACE,
        spanId: '4000000000000001',
      });
    });

    it('links a managed span through the span id it names', async () => {
      const logged = await ctx.store().insertRequest(makeNewRequest({ spanId: '5000000000000009' }));
      const results = await ctx
        .store()
        .ingestSpans([item(span('5000000000000001'), null, '5000000000000009')]);
      expect(results[0]?.requestId).toBe(logged);
      expect(await ctx.store().getRequest(logged)).toMatchObject({ traceId: TRACE });
    });

    it('gives a request logged after its span that span’s trace', async () => {
      await ctx.store().ingestSpans([item(span('6000000000000001'))]);
      const id = await ctx.store().insertRequest(makeNewRequest({ spanId: '6000000000000001' }));
      expect(await ctx.store().getRequest(id)).toMatchObject({ traceId: TRACE });
      expect((await ctx.store().getTrace(TRACE))?.spans[0]?.requestId).toBe(id);
    });

    it('writes nothing of a batch when one of its requests fails', async () => {
      const bad = makeNewRequest({ status: 'NOT_A_STATUS' as NewRequest['status'] });
      await expect(
        ctx
          .store()
          .ingestSpans([
            item(span('7000000000000001'), makeNewRequest()),
            item(span('7000000000000002'), bad),
          ]),
      ).rejects.toThrow();
      expect(await ctx.store().getTrace(TRACE)).toBeNull();
      expect(await ctx.store().countRequests(filter())).toBe(0);
    });

    it('deleting a request takes its content out of the span it came from; the trace keeps the span', async () => {
      const llm = span('9000000000000001', {
        attributes: { 'gen_ai.prompt.0.content': 'a secret prompt' },
        events: [{ name: 'gen_ai.user.message', timeUs: 1, attributes: { content: 'a secret prompt' } }],
      });
      const other = span('9000000000000002', { startUs: llm.startUs + 1, attributes: { keep: 'me' } });
      const kept = span('9000000000000003', { startUs: llm.startUs + 2 });
      const results = await ctx
        .store()
        .ingestSpans([
          item(llm, makeNewRequest({ tags: ['gone'] })),
          item(other),
          item(kept, makeNewRequest()),
        ]);
      await ctx.store().deleteRequests(filter({ tags: ['gone'] }));
      const trace = await ctx.store().getTrace(TRACE);
      expect(trace?.spans.map((s) => [s.spanId, s.requestId])).toEqual([
        [llm.spanId, null],
        [other.spanId, null],
        [kept.spanId, results[2]?.requestId],
      ]);
      expect(await ctx.store().getSpan(TRACE, llm.spanId)).toMatchObject({
        name: llm.name,
        startUs: llm.startUs,
        attributes: {},
        events: [],
      });
      expect(await ctx.store().getSpan(TRACE, other.spanId)).toMatchObject({ attributes: { keep: 'me' } });
    });

    it('reads at most `limit` spans of a trace, earliest first, and says so', async () => {
      const spans = Array.from({ length: 5 }, (_, i) =>
        item(span(`800000000000000${i}`, { startUs: 100 - i })),
      );
      await ctx.store().ingestSpans(spans);
      const trace = await ctx.store().getTrace(TRACE, 3);
      expect(trace?.truncated).toBe(true);
      expect(trace?.spans.map((s) => s.startUs)).toEqual([96, 97, 98]);
    });
  });
}
