/**
 * Who changed which score, tag or metadata key, and when: written after every annotation
 * (dashboard and track routes alike), read by the drawer.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestParamsSchema } from '../../../contract/api.ts';
import { type AnnotationEvent, annotationHistorySchema } from '../../../contract/auth.ts';
import { actorLabel } from '../../auth/principal.ts';
import { route } from '../../http/route.ts';
import type { Store } from '../../store/store.ts';
import type { RouteDeps } from '../deps.ts';

const HISTORY_LIMIT = 200;

export function recordAnnotations(
  store: Store,
  request: FastifyRequest,
  requestId: number,
  changes: readonly Pick<AnnotationEvent, 'kind' | 'name' | 'value'>[],
): Promise<void> {
  const actor = actorLabel(request.principal);
  const at = Date.now();
  return Promise.all(
    changes.map((change) => store.auth.recordAnnotation({ ...change, requestId, actor, at })),
  ).then(() => undefined);
}

export function annotationHistoryRoute(app: FastifyInstance, { store }: RouteDeps): void {
  const history = { params: requestParamsSchema, response: annotationHistorySchema };
  route(app, 'GET', '/api/requests/:id/history', history, async ({ params: { id } }) => {
    return { events: await store.auth.annotationHistory(id, HISTORY_LIMIT) };
  });
}
