import type { FastifyInstance } from 'fastify';
import { emptyFilter, sampleDataBodySchema } from '../../../contract/api.ts';
import { actorLabel } from '../../auth/principal.ts';
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
      batchSize: 1000,
    });
    return { inserted };
  });

  app.delete('/api/sample-data', async (request) => {
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
