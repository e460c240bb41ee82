import type { FastifyInstance } from 'fastify';
import {
  deleteResponseSchema,
  emptyFilter,
  sampleDataBodySchema,
  sampleDataResponseSchema,
} from '../../../contract/api.ts';
import { actorLabel } from '../../auth/principal.ts';
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
      batchSize: 1000,
    });
    // Also: sample templates, and requests as wrapped clients and run() log them (/track-request's path).
    return { inserted: inserted + (await seedPromptSamples(store, tracked, { extraTags: [SAMPLE_TAG] })) };
  });

  route(app, 'DELETE', '/api/sample-data', { response: deleteResponseSchema }, async ({ request }) => {
    const deleted = await store.deleteRequests({ ...emptyFilter(), tags: [SAMPLE_TAG] });
    await store.auth.appendAudit({
      at: Date.now(),
      actor: actorLabel(request.principal),
      action: 'delete_requests',
      detail: { filter: `tag=${SAMPLE_TAG}`, rows: deleted },
    });
    return { deleted };
  });
}
