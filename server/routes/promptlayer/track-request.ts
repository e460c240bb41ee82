/**
 * POST /track-request: the SDKs' wrapped clients and run() log here. Exactly 200 with the new
 * request id and its blueprint, or the SDK throws inside the app's model call.
 */
import type { FastifyInstance } from 'fastify';
import { trackRequestResponseSchema } from '../../../contract/track-request.ts';
import { route } from '../../http/route.ts';
import { normalizeTrackRequest } from '../../ingest/track-request/normalize-track-request.ts';
import { isNumericId } from '../../store/prompt-registry.ts';
import type { RouteDeps } from '../deps.ts';

export function trackRequestRoute(app: FastifyInstance, { store }: RouteDeps): void {
  const schemas = { body: normalizeTrackRequest, response: trackRequestResponseSchema };
  route(app, 'POST', '/track-request', schemas, async ({ body: { request: normalized, blueprint } }) => {
    // run() sends the template's id and version: link the request to the template by name.
    if (normalized.promptId !== null && isNumericId(normalized.promptId)) {
      normalized.promptName = await store.prompts.nameOf(Number(normalized.promptId));
    }
    const id = await store.insertRequest(normalized);
    return { success: true as const, request_id: id, prompt_blueprint: blueprint };
  });
}
