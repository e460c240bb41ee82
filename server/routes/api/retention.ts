/**
 * GET /api/retention: what retention is set to, what it deleted and when, and the database's size.
 * POST /api/retention/run: start a run now (202; it continues in the background).
 */
import type { FastifyInstance } from 'fastify';
import { retentionRunResponseSchema, retentionStatusSchema } from '../../../contract/api.ts';
import { HttpError } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { RetentionRunner } from '../../retention/retention-runner.ts';
import type { RouteDeps } from '../deps.ts';

export function retentionRoute(
  app: FastifyInstance,
  { store, retention }: RouteDeps & { retention: RetentionRunner | undefined },
): void {
  route(app, 'GET', '/api/retention', { response: retentionStatusSchema }, async () => ({
    days: retention?.settings.days ?? null,
    keep: {
      scored: retention?.settings.keep.scored ?? false,
      tags: [...(retention?.settings.keep.tags ?? [])],
    },
    running: retention?.running ?? false,
    runs: retention?.recentRuns() ?? [],
    storage: await store.storageInfo(),
  }));

  route(
    app,
    'POST',
    '/api/retention/run',
    { status: 202, response: retentionRunResponseSchema },
    async () => {
      if (!retention || retention.settings.days === null)
        throw new HttpError(409, 'retention_off', 'retention: PROMPTLOG_RETENTION_DAYS is not set');
      void retention.runNow();
      return { running: true as const };
    },
  );
}
