/** GET /api/public/v2/traces/{trace_id}: the spans of a trace, each with the request it logged. */
import type { FastifyInstance } from 'fastify';
import { publicTraceParamsSchema, publicTraceResponseSchema } from '../../../contract/traces.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { isoTime } from '../../store/sql/iso-time.ts';
import type { RouteDeps } from '../deps.ts';

export function getTraceRoute(app: FastifyInstance, { store }: RouteDeps): void {
  const schemas = { params: publicTraceParamsSchema, response: publicTraceResponseSchema };
  route(app, 'GET', '/api/public/v2/traces/:trace_id', schemas, async ({ params: { trace_id: traceId } }) => {
    const trace = await store.getTrace(traceId);
    if (!trace) throw notFound(`Trace ${traceId} not found.`, 'trace_not_found');
    return {
      success: true as const,
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
