/**
 * The tracking routes. Both spellings exist: `/rest/track-*` (documented REST, header key) and
 * `/library-track-*` + `/track-group` (the SDKs, key in the body). The SDKs need exactly 200.
 */
import type { FastifyInstance } from 'fastify';
import {
  trackGroupBodySchema,
  trackMetadataBodySchema,
  trackPromptBodySchema,
  trackScoreBodySchema,
} from '../../../contract/promptlayer.ts';
import { notFound } from '../../http/errors.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import { recordAnnotations } from '../api/annotation-history.ts';
import type { RouteDeps } from '../deps.ts';

const missing = (id: number) => notFound(`Request ${id} not found.`, 'request_not_found');
const ok = (message: string) => ({ success: true as const, message });
const body422 = { loc: 'body', status: 422 } as const;

export function trackRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const both = (name: string) => [`/rest/track-${name}`, `/library-track-${name}`];

  for (const path of both('metadata')) {
    app.post(path, async (request) => {
      const body = parseOrThrow(trackMetadataBodySchema, request.body, body422);
      if (!(await store.setMetadata(body.request_id, body.metadata))) throw missing(body.request_id);
      await recordAnnotations(
        store,
        request,
        body.request_id,
        Object.entries(body.metadata).map(([name, value]) => ({ kind: 'metadata' as const, name, value })),
      );
      return ok('Metadata tracked.');
    });
  }

  for (const path of both('score')) {
    app.post(path, async (request) => {
      const body = parseOrThrow(trackScoreBodySchema, request.body, body422);
      const name = body.name ?? body.score_name ?? 'default';
      if (!(await store.setScore(body.request_id, name, body.score))) throw missing(body.request_id);
      await recordAnnotations(store, request, body.request_id, [
        { kind: 'score', name, value: String(body.score) },
      ]);
      return ok('Score tracked.');
    });
  }

  for (const path of both('prompt')) {
    app.post(path, async (request) => {
      const body = parseOrThrow(trackPromptBodySchema, request.body, body422);
      const linked = await store.linkPrompt(body.request_id, {
        promptName: body.prompt_name,
        promptInputVariables: body.prompt_input_variables ?? null,
        versionNumber: body.version ?? null,
        label: body.label ?? null,
      });
      if (!linked) throw missing(body.request_id);
      return ok('Prompt tracked.');
    });
  }

  for (const path of ['/rest/track-group', '/track-group', '/library-track-group']) {
    app.post(path, async (request) => {
      const body = parseOrThrow(trackGroupBodySchema, request.body, body422);
      if (!(await store.setGroup(body.request_id, body.group_id))) throw missing(body.request_id);
      return ok('Group tracked.');
    });
  }

  app.post('/create-group', async () => ({ success: true as const, id: await store.createGroup() }));
}
