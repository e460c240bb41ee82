import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type FacetsResponse, METADATA_KEY_MAX, type MetadataValuesResponse } from '../../../contract/api.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import type { RouteDeps } from '../deps.ts';

const metadataValuesQuery = z.object({
  key: z.string().min(1).max(METADATA_KEY_MAX),
  prefix: z.string().max(1024).default(''),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export function facetRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  app.get('/api/facets', async (): Promise<FacetsResponse> => store.facets());

  app.get('/api/facets/metadata-values', async (request): Promise<MetadataValuesResponse> => {
    const { key, prefix, limit } = parseOrThrow(metadataValuesQuery, request.query, { loc: 'query' });
    return { values: await store.metadataValues(key, prefix, limit) };
  });
}
