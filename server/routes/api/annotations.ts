/**
 * Single-request annotations. Keys, score names and tags travel URL-encoded in the path (a key
 * may contain "/" or spaces); every reply is the request's AnnotationsResponse after the write.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type AnnotationsResponse,
  annotationsResponseSchema,
  metadataKeyParamsSchema,
  scoreNameParamsSchema,
  setMetadataBodySchema,
  setScoreBodySchema,
  tagParamsSchema,
} from '../../../contract/api.ts';
import type { AnnotationEvent } from '../../../contract/auth.ts';
import { actorLabel } from '../../auth/principal.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';
import { recordAnnotations } from './annotation-history.ts';
import { checkScore } from './score-check.ts';

function orNotFound(id: number, result: AnnotationsResponse | null): AnnotationsResponse {
  if (!result) throw notFound(`Request ${id} not found.`, 'request_not_found');
  return result;
}

type Change = Pick<AnnotationEvent, 'kind' | 'name' | 'value'>;

export function annotationRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const response = annotationsResponseSchema;
  /** After the write, records who made it (only when the request exists). */
  const written = async (
    request: FastifyRequest,
    id: number,
    change: Change,
    result: AnnotationsResponse | null,
  ) => {
    const answer = orNotFound(id, result);
    await recordAnnotations(store, request, id, [change]);
    return answer;
  };
  const metadata = '/api/requests/:id/metadata/:key';
  route(
    app,
    'PUT',
    metadata,
    { params: metadataKeyParamsSchema, body: setMetadataBodySchema, response },
    async ({ params, body, request }) =>
      written(
        request,
        params.id,
        { kind: 'metadata', name: params.key, value: body.value },
        await store.setMetadata(params.id, { [params.key]: body.value }),
      ),
  );
  route(app, 'DELETE', metadata, { params: metadataKeyParamsSchema, response }, async ({ params, request }) =>
    written(
      request,
      params.id,
      { kind: 'metadata', name: params.key, value: null },
      await store.deleteMetadata(params.id, params.key),
    ),
  );

  const scores = '/api/requests/:id/scores/:name';
  route(
    app,
    'PUT',
    scores,
    { params: scoreNameParamsSchema, body: setScoreBodySchema, response },
    async ({ params, body, request }) => {
      await checkScore(store, params.name, body.value);
      const answer = await written(
        request,
        params.id,
        { kind: 'score', name: params.name, value: String(body.value) },
        await store.setScore(params.id, params.name, body.value),
      );
      if (body.comment !== undefined)
        await store.review.setScoreComment(
          params.id,
          params.name,
          body.comment.trim() === '' ? null : body.comment,
          actorLabel(request.principal),
          Date.now(),
        );
      return answer;
    },
  );
  route(app, 'DELETE', scores, { params: scoreNameParamsSchema, response }, async ({ params, request }) => {
    const answer = await written(
      request,
      params.id,
      { kind: 'score', name: params.name, value: null },
      await store.deleteScore(params.id, params.name),
    );
    await store.review.setScoreComment(
      params.id,
      params.name,
      null,
      actorLabel(request.principal),
      Date.now(),
    );
    return answer;
  });

  const tags = '/api/requests/:id/tags/:tag';
  route(app, 'PUT', tags, { params: tagParamsSchema, response }, async ({ params, request }) =>
    written(
      request,
      params.id,
      { kind: 'tag', name: params.tag, value: params.tag },
      await store.addTag(params.id, params.tag),
    ),
  );
  route(app, 'DELETE', tags, { params: tagParamsSchema, response }, async ({ params, request }) =>
    written(
      request,
      params.id,
      { kind: 'tag', name: params.tag, value: null },
      await store.removeTag(params.id, params.tag),
    ),
  );
}
