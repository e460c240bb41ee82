import type { FastifyInstance } from 'fastify';
import {
  deleteResponseSchema,
  emptyFilter,
  sampleDataBodySchema,
  sampleDataResponseSchema,
} from '../../../contract/api.ts';
import { optionalBody, route } from '../../http/route.ts';
import { seedStore } from '../../seed/seed-store.ts';
import type { RouteDeps } from '../deps.ts';

export const SAMPLE_TAG = 'sample';

export function sampleDataRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  // Generated wire bodies go through normalizeLogRequest (inside seedStore): the same path as /log-request.
  const body = optionalBody(sampleDataBodySchema);
  route(app, 'POST', '/api/sample-data', { body, response: sampleDataResponseSchema }, async ({ body }) => {
    const { inserted } = await seedStore(store, {
      count: body.count,
      seed: Date.now(),
      extraTags: [SAMPLE_TAG],
      batchSize: 1000,
    });
    return { inserted };
  });

  route(app, 'DELETE', '/api/sample-data', { response: deleteResponseSchema }, async () => ({
    deleted: await store.deleteRequests({ ...emptyFilter(), tags: [SAMPLE_TAG] }),
  }));
}
