import type { FastifyInstance } from 'fastify';
import type { LogRequestResponse } from '../../../contract/promptlayer.ts';
import { normalizeLogRequest } from '../../ingest/normalize-log-request.ts';
import type { RouteDeps } from '../deps.ts';

export function logRequestRoute(app: FastifyInstance, { store }: RouteDeps): void {
  app.post('/log-request', async (request, reply) => {
    const normalized = normalizeLogRequest(request.body);
    // insertRequest resolves only after the commit: a 201 means the request is durable.
    const id = await store.insertRequest(normalized);
    const body: LogRequestResponse = {
      id,
      request_id: id,
      prompt_version: null,
      status: normalized.status,
      error_type: normalized.errorType,
      error_message: normalized.errorMessage,
    };
    return reply.code(201).send(body);
  });
}
