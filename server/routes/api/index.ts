import type { FastifyInstance } from 'fastify';
import type { RetentionRunner } from '../../retention/retention-runner.ts';
import type { RouteDeps } from '../deps.ts';
import { annotationHistoryRoute } from './annotation-history.ts';
import { annotationRoutes } from './annotations.ts';
import { bulkRoutes } from './bulk.ts';
import { deleteRequestsRoute } from './delete-requests.ts';
import type { ExportTokens } from './export-tokens.ts';
import { createExportRoute } from './exports.ts';
import { facetRoutes } from './facets.ts';
import { promptRoutes } from './prompts.ts';
import { queueRoutes } from './queues.ts';
import { requestRoutes } from './requests.ts';
import { retentionRoute } from './retention.ts';
import { sampleDataRoutes } from './sample-data.ts';
import { scoreDefinitionRoutes } from './score-definitions.ts';
import { timelineRoute } from './timeline.ts';
import { traceRoutes } from './traces.ts';

/** The dashboard's own API (contract/api.ts); who may call what: server/auth/route-rules.ts. */
export async function dashboardApiRoutes(
  app: FastifyInstance,
  options: RouteDeps & { tokens: ExportTokens; retention: RetentionRunner | undefined },
): Promise<void> {
  requestRoutes(app, options);
  timelineRoute(app, options);
  facetRoutes(app, options);
  annotationRoutes(app, options);
  annotationHistoryRoute(app, options);
  deleteRequestsRoute(app, options);
  sampleDataRoutes(app, options);
  createExportRoute(app, options);
  promptRoutes(app, options);
  traceRoutes(app, options);
  retentionRoute(app, options);
  scoreDefinitionRoutes(app, options);
  bulkRoutes(app, options);
  queueRoutes(app, options);
}
