import type { FastifyInstance } from 'fastify';
import {
  deleteResponseSchema,
  sampleDataBodySchema,
  sampleDataResponseSchema,
  sampleDataStatusSchema,
} from '../../../contract/api.ts';
import { auditCaller } from '../../auth/audit.ts';
import { optionalBody, route } from '../../http/route.ts';
import { seedPromptSamples, trackedShare } from '../../seed/prompt-samples.ts';
import { seedStore } from '../../seed/seed-store.ts';
import type { RouteDeps } from '../deps.ts';

export const SAMPLE_TAG = 'sample';

export function sampleDataRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  // Generated wire bodies go through normalizeLogRequest (inside seedStore): the same path as /log-request.
  const body = optionalBody(sampleDataBodySchema);
  route(app, 'POST', '/api/sample-data', { body, response: sampleDataResponseSchema }, async ({ body }) => {
    const tracked = trackedShare(body.count);
    const { inserted } = await seedStore(store, {
      count: body.count - tracked,
      seed: Date.now(),
      extraTags: [SAMPLE_TAG],
      sample: true,
      batchSize: 1000,
    });
    // Also: sample templates, and requests as wrapped clients and run() log them (/track-request's path).
    return {
      inserted:
        inserted + (await seedPromptSamples(store, tracked, { extraTags: [SAMPLE_TAG], sample: true })),
    };
  });

  route(app, 'GET', '/api/sample-data', { response: sampleDataStatusSchema }, async () => ({
    count: await store.countSampleRequests(),
  }));

  // Exactly the rows the generator created: a user's own requests tagged `sample` stay.
  route(app, 'DELETE', '/api/sample-data', { response: deleteResponseSchema }, async ({ request }) => {
    const deleted = await store.deleteSampleRequests();
    await auditCaller(store.auth, request, 'delete_requests', { filter: 'sample data', rows: deleted });
    return { deleted };
  });
}
