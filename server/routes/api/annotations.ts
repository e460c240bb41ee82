/**
 * Single-request annotations. Keys, score names and tags travel URL-encoded in the path (a key
 * may contain "/" or spaces); every reply is the request's AnnotationsResponse after the write.
 */
import type { FastifyInstance } from 'fastify';
import {
  type AnnotationsResponse,
  annotationsResponseSchema,
  metadataKeyParamsSchema,
  scoreNameParamsSchema,
  setMetadataBodySchema,
  setScoreBodySchema,
  tagParamsSchema,
} from '../../../contract/api.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

function orNotFound(id: number, result: AnnotationsResponse | null): AnnotationsResponse {
  if (!result) throw notFound(`Request ${id} not found.`, 'request_not_found');
  return result;
}

export function annotationRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const response = annotationsResponseSchema;
  const metadata = '/api/requests/:id/metadata/:key';
  route(
    app,
    'PUT',
    metadata,
    { params: metadataKeyParamsSchema, body: setMetadataBodySchema, response },
    async (r) =>
      orNotFound(r.params.id, await store.setMetadata(r.params.id, { [r.params.key]: r.body.value })),
  );
  route(app, 'DELETE', metadata, { params: metadataKeyParamsSchema, response }, async ({ params }) =>
    orNotFound(params.id, await store.deleteMetadata(params.id, params.key)),
  );

  const scores = '/api/requests/:id/scores/:name';
  route(
    app,
    'PUT',
    scores,
    { params: scoreNameParamsSchema, body: setScoreBodySchema, response },
    async (r) => orNotFound(r.params.id, await store.setScore(r.params.id, r.params.name, r.body.value)),
  );
  route(app, 'DELETE', scores, { params: scoreNameParamsSchema, response }, async ({ params }) =>
    orNotFound(params.id, await store.deleteScore(params.id, params.name)),
  );

  const tags = '/api/requests/:id/tags/:tag';
  route(app, 'PUT', tags, { params: tagParamsSchema, response }, async ({ params }) =>
    orNotFound(params.id, await store.addTag(params.id, params.tag)),
  );
  route(app, 'DELETE', tags, { params: tagParamsSchema, response }, async ({ params }) =>
    orNotFound(params.id, await store.removeTag(params.id, params.tag)),
  );
}
