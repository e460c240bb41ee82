import type { FastifyInstance } from 'fastify';
import { emptyFilter, sampleDataBodySchema } from '../../../contract/api.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import { seedPromptSamples, trackedShare } from '../../seed/prompt-samples.ts';
import { seedStore } from '../../seed/seed-store.ts';
import type { RouteDeps } from '../deps.ts';

export const SAMPLE_TAG = 'sample';

export function sampleDataRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  // Generated wire bodies go through normalizeLogRequest (inside seedStore): the same path as /log-request.
  app.post('/api/sample-data', async (request) => {
    const { count } = parseOrThrow(sampleDataBodySchema, request.body ?? {}, { loc: 'body' });
    const tracked = trackedShare(count);
    const { inserted } = await seedStore(store, {
      count: count - tracked,
      seed: Date.now(),
      extraTags: [SAMPLE_TAG],
      batchSize: 1000,
    });
    // Also: sample templates, and requests as wrapped clients and run() log them (/track-request's path).
    return { inserted: inserted + (await seedPromptSamples(store, tracked, { extraTags: [SAMPLE_TAG] })) };
  });

  app.delete('/api/sample-data', async () => ({
    deleted: await store.deleteRequests({ ...emptyFilter(), tags: [SAMPLE_TAG] }),
  }));
}
