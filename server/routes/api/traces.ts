/**
 * Dashboard trace reads: GET /api/traces/:traceId (the timeline), /api/traces/:traceId/spans/:spanId
 * (one span's attributes, events, resource) and /api/requests/:id/trace (the trace of a request).
 */
import type { FastifyInstance } from 'fastify';
import { SPAN_ID_PATTERN, TRACE_ID_PATTERN } from '../../../contract/traces.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { parseIdParam } from '../../http/params.ts';
import type { RouteDeps } from '../deps.ts';

function hexParam(value: unknown, pattern: RegExp, name: string, size: number): string {
  const id = String(value ?? '').toLowerCase();
  if (!pattern.test(id)) {
    const msg = `expected ${size} hexadecimal characters`;
    throw badRequest(`${name}: ${msg}.`, [{ loc: ['path', name], msg, type: 'value_error' }]);
  }
  return id;
}

export function traceRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  app.get('/api/traces/:traceId', async (request) => {
    const { traceId } = request.params as { traceId?: unknown };
    const id = hexParam(traceId, TRACE_ID_PATTERN, 'traceId', 32);
    const trace = await store.getTrace(id);
    if (!trace) throw notFound(`Trace ${id} not found.`, 'trace_not_found');
    return trace;
  });

  app.get('/api/traces/:traceId/spans/:spanId', async (request) => {
    const params = request.params as { traceId?: unknown; spanId?: unknown };
    const traceId = hexParam(params.traceId, TRACE_ID_PATTERN, 'traceId', 32);
    const spanId = hexParam(params.spanId, SPAN_ID_PATTERN, 'spanId', 16);
    const span = await store.getSpan(traceId, spanId);
    if (!span) throw notFound(`Span ${spanId} of trace ${traceId} not found.`, 'span_not_found');
    return span;
  });

  app.get('/api/requests/:id/trace', async (request) => {
    const id = parseIdParam((request.params as { id?: unknown }).id, 'id');
    const detail = await store.getRequest(id);
    if (!detail) throw notFound(`Request ${id} not found.`, 'request_not_found');
    if (!detail.traceId) throw notFound(`Request ${id} belongs to no trace.`, 'trace_not_found');
    const trace = await store.getTrace(detail.traceId);
    if (!trace) throw notFound(`Trace ${detail.traceId} not found.`, 'trace_not_found');
    return trace;
  });
}
