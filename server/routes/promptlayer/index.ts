import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../deps.ts';
import { getRequestRoute } from './get-request.ts';
import { getTraceRoute } from './get-trace.ts';
import { logRequestRoute } from './log-request.ts';
import { promptTemplateRoutes } from './prompt-templates.ts';
import { searchRoute } from './search.ts';
import { spansBulkRoute } from './spans-bulk.ts';
import { suggestionsRoute } from './suggestions.ts';
import { trackRoutes } from './track.ts';
import { trackRequestRoute } from './track-request.ts';

/** The PromptLayer-compatible routes (docs/wire-contract.md §1–§6); who may call what: server/auth/route-rules.ts. */
export async function promptLayerRoutes(app: FastifyInstance, options: RouteDeps): Promise<void> {
  logRequestRoute(app, options);
  getRequestRoute(app, options);
  searchRoute(app, options);
  suggestionsRoute(app, options);
  trackRoutes(app, options);
  trackRequestRoute(app, options);
  promptTemplateRoutes(app, options);
  spansBulkRoute(app, options);
  getTraceRoute(app, options);
}
