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
  });
}
