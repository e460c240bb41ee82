/**
 * GET /api/retention: what retention is set to, what it deleted and when, and the database's size.
 * POST /api/retention/run: start a run now (202; it continues in the background).
 */
import type { FastifyInstance } from 'fastify';
import type { RetentionStatus } from '../../../contract/api.ts';
import type { RetentionRunner } from '../../retention/retention-runner.ts';
import type { RouteDeps } from '../deps.ts';

export function retentionRoute(
  app: FastifyInstance,
  { store, retention }: RouteDeps & { retention: RetentionRunner | undefined },
): void {
  app.get('/api/retention', async (): Promise<RetentionStatus> => {
    const storage = await store.storageInfo();
    return {
      days: retention?.settings.days ?? null,
      keep: {
        scored: retention?.settings.keep.scored ?? false,
        tags: [...(retention?.settings.keep.tags ?? [])],
      },
      running: retention?.running ?? false,
      runs: retention?.recentRuns() ?? [],
      storage,
    };
  });
  app.post('/api/retention/run', async (_request, reply) => {
    if (!retention || retention.settings.days === null) {
      return reply.code(409).send({
        success: false,
        error: 'retention_off',
        message: 'retention: PROMPTLOG_RETENTION_DAYS is not set',
      });
    }
    void retention.runNow();
    return reply.code(202).send({ running: true });
  });
}
