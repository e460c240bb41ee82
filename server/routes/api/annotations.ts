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
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';
import { recordAnnotations } from './annotation-history.ts';

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
      return record(input, value, written);
    });
    route(app, 'DELETE', k.path, { params: k.params, response }, async (input) =>
      record(input, null, k.unset(input.params)),
    );
  };

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
    set: ({ id, name }, { value }) => ({ value: String(value), written: store.setScore(id, name, value) }),
    unset: ({ id, name }) => store.deleteScore(id, name),
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
