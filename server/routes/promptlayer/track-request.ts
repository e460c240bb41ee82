/**
 * POST /track-request: the SDKs' wrapped clients and run() log here. Exactly 200 with the new
 * request id and its blueprint, or the SDK throws inside the app's model call.
 */
import type { FastifyInstance } from 'fastify';
import type { TrackRequestResponse } from '../../../contract/track-request.ts';
import { normalizeTrackRequest } from '../../ingest/track-request/normalize-track-request.ts';
import { isNumericId } from '../../store/prompt-registry.ts';
import type { RouteDeps } from '../deps.ts';

export function trackRequestRoute(app: FastifyInstance, { store }: RouteDeps): void {
  app.post('/track-request', async (request, reply) => {
    const { request: normalized, blueprint } = normalizeTrackRequest(request.body);
    // run() sends the template's id and version: link the request to the template by name.
    if (normalized.promptId !== null && isNumericId(normalized.promptId)) {
      normalized.promptName = await store.prompts.nameOf(Number(normalized.promptId));
    }
    const id = await store.insertRequest(normalized);
    const body: TrackRequestResponse = { success: true, request_id: id, prompt_blueprint: blueprint };
    return reply.code(200).send(body);
  });
}
