import type { FastifyInstance } from 'fastify';
import {
  deleteResponseSchema,
  sampleDataBodySchema,
  sampleDataResponseSchema,
  sampleDataStatusSchema,
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
      sample: true,
      batchSize: 1000,
    });
    return { inserted };
  });

  route(app, 'GET', '/api/sample-data', { response: sampleDataStatusSchema }, async () => ({
    count: await store.countSampleRequests(),
  }));

  // Exactly the rows the generator created: a user's own requests tagged `sample` stay.
  route(app, 'DELETE', '/api/sample-data', { response: deleteResponseSchema }, async () => ({
    deleted: await store.deleteSampleRequests(),
  }));
}
