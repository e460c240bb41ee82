import type { FastifyInstance } from 'fastify';
import { sampleDataBodySchema } from '../../../contract/api.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import { seedStore } from '../../seed/seed-store.ts';
import type { RouteDeps } from '../deps.ts';

export const SAMPLE_TAG = 'sample';

export function sampleDataRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  // Generated wire bodies go through normalizeLogRequest (inside seedStore): the same path as /log-request.
  app.post('/api/sample-data', async (request) => {
    const { count } = parseOrThrow(sampleDataBodySchema, request.body ?? {}, { loc: 'body' });
    const { inserted } = await seedStore(store, {
      count,
      seed: Date.now(),
      extraTags: [SAMPLE_TAG],
      sample: true,
      batchSize: 1000,
    });
    return { inserted };
  });

  app.get('/api/sample-data', async () => ({ count: await store.countSampleRequests() }));

  // Exactly the rows the generator created: a user's own requests tagged `sample` stay.
  app.delete('/api/sample-data', async () => ({ deleted: await store.deleteSampleRequests() }));
}
