/**
 * Single-request annotations. Keys, score names and tags travel URL-encoded in the path (a key
 * may contain "/" or spaces); every reply is the request's AnnotationsResponse after the write.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type AnnotationsResponse,
  METADATA_KEY_MAX,
  SCORE_NAME_MAX,
  setMetadataBodySchema,
  setScoreBodySchema,
  TAG_MAX,
} from '../../../contract/api.ts';
import type { AnnotationEvent } from '../../../contract/auth.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { parseIdParam } from '../../http/params.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import type { RouteDeps } from '../deps.ts';
import { recordAnnotations } from './annotation-history.ts';

interface Params {
  id?: string;
  name?: string;
}

function pathName(raw: unknown, param: string, max: number): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > max) {
    const msg = `expected 1 to ${max} characters`;
    throw badRequest(
      `${param}: ${msg}`,
      [{ loc: ['path', param], msg, type: 'invalid_param' }],
      'invalid_input',
    );
  }
  return raw;
}

function orNotFound(id: number, result: AnnotationsResponse | null): AnnotationsResponse {
  if (!result) throw notFound(`Request ${id} not found.`, 'request_not_found');
  return result;
}

export function annotationRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const target = (params: unknown, param: string, max: number) => {
    const { id, name } = params as Params;
    return { id: parseIdParam(id, 'id'), name: pathName(name, param, max) };
  };

  /** Writes, then records who did it (only when the request exists). */
  const written = async (
    request: FastifyRequest,
    id: number,
    change: Pick<AnnotationEvent, 'kind' | 'name' | 'value'>,
    result: AnnotationsResponse | null,
  ) => {
    const response = orNotFound(id, result);
    await recordAnnotations(store, request, id, [change]);
    return response;
  };

  app.put('/api/requests/:id/metadata/:name', async (request) => {
    const { id, name } = target(request.params, 'key', METADATA_KEY_MAX);
    const { value } = parseOrThrow(setMetadataBodySchema, request.body, { loc: 'body' });
    return written(
      request,
      id,
      { kind: 'metadata', name, value },
      await store.setMetadata(id, { [name]: value }),
    );
  });
  app.delete('/api/requests/:id/metadata/:name', async (request) => {
    const { id, name } = target(request.params, 'key', METADATA_KEY_MAX);
    return written(
      request,
      id,
      { kind: 'metadata', name, value: null },
      await store.deleteMetadata(id, name),
    );
  });

  app.put('/api/requests/:id/scores/:name', async (request) => {
    const { id, name } = target(request.params, 'name', SCORE_NAME_MAX);
    const { value } = parseOrThrow(setScoreBodySchema, request.body, { loc: 'body' });
    return written(
      request,
      id,
      { kind: 'score', name, value: String(value) },
      await store.setScore(id, name, value),
    );
  });
  app.delete('/api/requests/:id/scores/:name', async (request) => {
    const { id, name } = target(request.params, 'name', SCORE_NAME_MAX);
    return written(request, id, { kind: 'score', name, value: null }, await store.deleteScore(id, name));
  });

  app.put('/api/requests/:id/tags/:name', async (request) => {
    const { id, name } = target(request.params, 'tag', TAG_MAX);
    return written(request, id, { kind: 'tag', name, value: name }, await store.addTag(id, name));
  });
  app.delete('/api/requests/:id/tags/:name', async (request) => {
    const { id, name } = target(request.params, 'tag', TAG_MAX);
    return written(request, id, { kind: 'tag', name, value: null }, await store.removeTag(id, name));
  });
}
