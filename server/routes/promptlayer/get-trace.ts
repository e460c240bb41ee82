/** GET /api/public/v2/traces/{trace_id}: the spans of a trace, each with the request it logged. */
import type { FastifyInstance } from 'fastify';
import { TRACE_ID_PATTERN } from '../../../contract/traces.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { isoTime } from '../../store/sql/iso-time.ts';
import type { RouteDeps } from '../deps.ts';

export function getTraceRoute(app: FastifyInstance, { store }: RouteDeps): void {
  app.get('/api/public/v2/traces/:traceId', async (request) => {
    const traceId = String((request.params as { traceId?: unknown }).traceId ?? '').toLowerCase();
    if (!TRACE_ID_PATTERN.test(traceId))
      throw badRequest('trace_id: expected 32 hexadecimal characters.', [
        { loc: ['path', 'trace_id'], msg: 'expected 32 hexadecimal characters', type: 'value_error' },
      ]);
    const trace = await store.getTrace(traceId);
    if (!trace) throw notFound(`Trace ${traceId} not found.`, 'trace_not_found');
    return {
      success: true,
      trace_id: traceId,
      truncated: trace.truncated,
      spans: trace.spans.map((span) => ({
        id: span.spanId,
        name: span.name,
        span_id: span.spanId,
        parent_id: span.parentSpanId,
        start_time: isoTime(Math.floor(span.startUs / 1000)),
        end_time: isoTime(Math.floor(span.endUs / 1000)),
        status_code: span.statusCode,
        request_log_id: span.requestId,
      })),
    };
  });
}
