import type { FastifyInstance } from 'fastify';
import { getRequestParamsSchema, getRequestResponseSchema } from '../../../contract/promptlayer.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';
import { detailToWire } from './wire-format.ts';

export function getRequestRoute(app: FastifyInstance, { store }: RouteDeps): void {
  // Also the older singular spelling that the Python SDK's internals still use.
  const paths = ['/api/public/v2/requests/:request_id', '/api/public/v2/request/:request_id'];
  const schemas = { params: getRequestParamsSchema, response: getRequestResponseSchema };
  route(app, 'GET', paths, schemas, async ({ params: { request_id: id } }) => {
    const detail = await store.getRequest(id);
    if (!detail) throw notFound(`Request ${id} not found.`, 'request_not_found');
    return detailToWire(detail);
  });
}
