/**
 * Dashboard trace reads: GET /api/traces/:traceId (the timeline), /api/traces/:traceId/spans/:spanId
 * (one span's attributes, events, resource) and /api/requests/:id/trace (the trace of a request).
 */
import type { FastifyInstance } from 'fastify';
import { requestParamsSchema } from '../../../contract/api.ts';
import {
  spanDetailSchema,
  spanParamsSchema,
  traceParamsSchema,
  traceResponseSchema,
} from '../../../contract/traces.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

export function traceRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const traceSchemas = { params: traceParamsSchema, response: traceResponseSchema };
  route(app, 'GET', '/api/traces/:traceId', traceSchemas, async ({ params: { traceId } }) => {
    const trace = await store.getTrace(traceId);
    if (!trace) throw notFound(`Trace ${traceId} not found.`, 'trace_not_found');
    return trace;
  });

  const spanSchemas = { params: spanParamsSchema, response: spanDetailSchema };
  route(
    app,
    'GET',
    '/api/traces/:traceId/spans/:spanId',
    spanSchemas,
    async ({ params: { traceId, spanId } }) => {
      const span = await store.getSpan(traceId, spanId);
      if (!span) throw notFound(`Span ${spanId} of trace ${traceId} not found.`, 'span_not_found');
      return span;
    },
  );

  const ofRequest = { params: requestParamsSchema, response: traceResponseSchema };
  route(app, 'GET', '/api/requests/:id/trace', ofRequest, async ({ params: { id } }) => {
    const detail = await store.getRequest(id);
    if (!detail) throw notFound(`Request ${id} not found.`, 'request_not_found');
    if (!detail.traceId) throw notFound(`Request ${id} belongs to no trace.`, 'trace_not_found');
    const trace = await store.getTrace(detail.traceId);
    if (!trace) throw notFound(`Trace ${detail.traceId} not found.`, 'trace_not_found');
    return trace;
  });
}
