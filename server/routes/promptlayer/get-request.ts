import type { FastifyInstance } from 'fastify';
import { notFound } from '../../http/errors.ts';
import { parseIdParam } from '../../http/params.ts';
import type { RouteDeps } from '../deps.ts';
import { detailToWire } from './wire-format.ts';

export function getRequestRoute(app: FastifyInstance, { store }: RouteDeps): void {
  const handler = async (request: { params: unknown }) => {
    const id = parseIdParam((request.params as { id?: unknown }).id, 'request_id');
    const detail = await store.getRequest(id);
    if (!detail) throw notFound(`Request ${id} not found.`, 'request_not_found');
    return detailToWire(detail);
  };
  app.get('/api/public/v2/requests/:id', handler);
  // The older singular spelling that the Python SDK's internals still use.
  app.get('/api/public/v2/request/:id', handler);
}
