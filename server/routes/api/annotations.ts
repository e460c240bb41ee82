/**
 * Single-request annotations. Keys, score names and tags travel URL-encoded in the path (a key
 * may contain "/" or spaces); every reply is the request's AnnotationsResponse after the write.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
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

type Written = Promise<AnnotationsResponse | null>;

/** One kind of annotation: its path, and how a PUT (set) and a DELETE (unset) change the store. */
interface AnnotationKind<P extends { id: number }, B> {
  path: string;
  params: z.ZodType<P>;
  /** The PUT body, when the value is not in the path. */
  body?: z.ZodType<B>;
  kind: AnnotationEvent['kind'];
  name: (params: P) => string;
  set: (params: P, body: B) => { value: string; written: Written };
  unset: (params: P) => Written;
  /** After a PUT is written and recorded (e.g. a score's comment). */
  afterSet?: (params: P, body: B, request: FastifyRequest) => Promise<void> | undefined;
  afterUnset?: (params: P, request: FastifyRequest) => Promise<void>;
}

export function annotationRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const response = annotationsResponseSchema;

  /** PUT and DELETE for one kind; after the write, records who made it (only when the request exists). */
  const annotation = <P extends { id: number }, B>(k: AnnotationKind<P, B>) => {
    const record = async (
      input: { params: P; request: FastifyRequest },
      value: string | null,
      written: Written,
    ) => {
      const result = await written;
      if (!result) throw notFound(`Request ${input.params.id} not found.`, 'request_not_found');
      const change = { kind: k.kind, name: k.name(input.params), value };
      await recordAnnotations(store, input.request, input.params.id, [change]);
      return result;
    };
    route(app, 'PUT', k.path, { params: k.params, body: k.body, response }, async (input) => {
      const { value, written } = k.set(input.params, input.body as B);
      const result = await record(input, value, written);
      await k.afterSet?.(input.params, input.body as B, input.request);
      return result;
    });
    route(app, 'DELETE', k.path, { params: k.params, response }, async (input) => {
      const result = await record(input, null, k.unset(input.params));
      await k.afterUnset?.(input.params, input.request);
      return result;
    });
  };

  const scoreComment = (id: number, name: string, comment: string | null, request: FastifyRequest) =>
    store.review.setScoreComment(id, name, comment, actorLabel(request.principal), Date.now());

  annotation({
    path: '/api/requests/:id/metadata/:key',
    params: metadataKeyParamsSchema,
    body: setMetadataBodySchema,
    kind: 'metadata',
    name: ({ key }) => key,
    set: ({ id, key }, { value }) => ({ value, written: store.setMetadata(id, { [key]: value }) }),
    unset: ({ id, key }) => store.deleteMetadata(id, key),
  });
  annotation({
    path: '/api/requests/:id/scores/:name',
    params: scoreNameParamsSchema,
    body: setScoreBodySchema,
    kind: 'score',
    name: ({ name }) => name,
    set: ({ id, name }, { value }) => ({
      value: String(value),
      // Checked against the name's score definition, if it has one, before anything is written.
      written: checkScore(store, name, value).then(() => store.setScore(id, name, value)),
    }),
    unset: ({ id, name }) => store.deleteScore(id, name),
    afterSet: ({ id, name }, { comment }, request) =>
      comment === undefined
        ? undefined
        : scoreComment(id, name, comment.trim() === '' ? null : comment, request),
    afterUnset: ({ id, name }, request) => scoreComment(id, name, null, request),
  });
  annotation({
    path: '/api/requests/:id/tags/:tag',
    params: tagParamsSchema,
    kind: 'tag',
    name: ({ tag }) => tag,
    set: ({ id, tag }) => ({ value: tag, written: store.addTag(id, tag) }),
    unset: ({ id, tag }) => store.removeTag(id, tag),
  });
}
