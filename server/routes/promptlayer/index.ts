import type { FastifyInstance } from 'fastify';
import type { KeyVerifier } from '../../auth/api-keys.ts';
import { refuseWrongHeaderKey, requireApiKey } from '../../auth/require-api-key.ts';
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

/** The PromptLayer-compatible routes (docs/wire-contract.md §1–§6), all behind the API key. */
export async function promptLayerRoutes(
  app: FastifyInstance,
  options: RouteDeps & { verifyKey: KeyVerifier },
): Promise<void> {
  app.addHook('onRequest', refuseWrongHeaderKey(options.verifyKey));
  app.addHook('preHandler', requireApiKey(options.verifyKey));
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
