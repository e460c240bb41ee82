import type { FastifyInstance } from 'fastify';
import {
  facetsResponseSchema,
  metadataValuesQuerySchema,
  metadataValuesResponseSchema,
} from '../../../contract/api.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

export function facetRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  route(app, 'GET', '/api/facets', { response: facetsResponseSchema }, () => store.facets());

  route(
    app,
    'GET',
    '/api/facets/metadata-values',
    { query: metadataValuesQuerySchema, response: metadataValuesResponseSchema },
    async ({ query: { key, prefix, limit } }) => ({ values: await store.metadataValues(key, prefix, limit) }),
  );
}
