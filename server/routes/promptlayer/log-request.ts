import type { FastifyInstance } from 'fastify';
import { logRequestResponseSchema } from '../../../contract/promptlayer.ts';
import { route } from '../../http/route.ts';
import { normalizeLogRequest } from '../../ingest/normalize-log-request.ts';
import type { RouteDeps } from '../deps.ts';

export function logRequestRoute(app: FastifyInstance, { store }: RouteDeps): void {
  // The body is parsed by ingest (contract/promptlayer.ts's schema after folding camelCase aliases).
  const schemas = { body: normalizeLogRequest, status: 201, response: logRequestResponseSchema };
  route(app, 'POST', '/log-request', schemas, async ({ body }) => {
    // insertRequest resolves only after the commit: a 201 means the request is durable.
    const id = await store.insertRequest(body);
    return {
      id,
      request_id: id,
      prompt_version: null,
      status: body.status,
      error_type: body.errorType,
      error_message: body.errorMessage,
    };
  });
}
