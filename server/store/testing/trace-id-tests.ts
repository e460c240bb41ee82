/** A request keeps the OpenTelemetry trace and span it belongs to. */
import { describe, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import { type ContractContext, filter } from './context.ts';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

export function defineTraceIdTests(ctx: ContractContext): void {
  describe('trace and span ids', () => {
    it('are returned by the detail and the trace id by list rows, on both insert paths', async () => {
      const single = await ctx.store().insertRequest(makeNewRequest({ traceId: TRACE, spanId: SPAN }));
      const [batched] = await ctx
        .store()
        .insertRequests([makeNewRequest({ traceId: TRACE, spanId: 'a000000000000001' })]);
      expect(await ctx.store().getRequest(single)).toMatchObject({ traceId: TRACE, spanId: SPAN });
      expect(await ctx.store().getRequest(batched as number)).toMatchObject({
        traceId: TRACE,
        spanId: 'a000000000000001',
      });
      const page = await ctx
        .store()
        .listRequests({ filter: filter(), sort: 'time', order: 'desc', limit: 10 });
      expect(page.rows.map((row) => row.traceId)).toEqual([TRACE, TRACE]);
    });

    it('are null for a request logged without them', async () => {
      const id = await ctx.store().insertRequest(makeNewRequest());
      expect(await ctx.store().getRequest(id)).toMatchObject({ traceId: null, spanId: null });
      const page = await ctx
        .store()
        .listRequests({ filter: filter(), sort: 'time', order: 'desc', limit: 10 });
      expect(page.rows[0]?.traceId).toBeNull();
    });

    it('filter a list, a count and a probe by trace, alone or with other filters', async () => {
      const other = 'b'.repeat(32);
      const a = await ctx.store().insertRequest(makeNewRequest({ traceId: TRACE, tags: ['x'] }));
      const b = await ctx.store().insertRequest(makeNewRequest({ traceId: TRACE, model: 'gpt-4o-mini' }));
      await ctx.store().insertRequest(makeNewRequest({ traceId: other, tags: ['x'] }));
      await ctx.store().insertRequest(makeNewRequest({ tags: ['x'] }));
      const ids = async (partial: Parameters<typeof filter>[0]) =>
        (
          await ctx.store().listRequests({ filter: filter(partial), sort: 'time', order: 'desc', limit: 10 })
        ).rows.map((row) => row.id);
      expect(await ids({ traceIds: [TRACE] })).toEqual([b, a]);
      expect(await ids({ traceIds: [TRACE], tags: ['x'] })).toEqual([a]);
      expect(await ids({ traceIds: [TRACE], models: ['gpt-4o-mini'] })).toEqual([b]);
      expect((await ids({ traceIds: [TRACE, other] })).length).toBe(3);
      expect(await ctx.store().countRequests(filter({ traceIds: [TRACE] }))).toBe(2);
      expect(await ctx.store().countRequests(filter({ traceIds: [TRACE], tags: ['x'] }))).toBe(1);
      expect((await ctx.store().probe(0, filter({ traceIds: [other] }))).newCount).toBe(1);
      const sorted = await ctx
        .store()
        .listRequests({ filter: filter({ traceIds: [TRACE] }), sort: 'latency', order: 'desc', limit: 10 });
      expect(sorted.rows).toHaveLength(2);
    });
  });
}
