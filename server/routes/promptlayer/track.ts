/**
 * The tracking routes. Both spellings exist: `/rest/track-*` (documented REST, header key) and
 * `/library-track-*` + `/track-group` (the SDKs, key in the body). The SDKs need exactly 200.
 */
import type { FastifyInstance } from 'fastify';
import {
  createGroupResponseSchema,
  trackGroupBodySchema,
  trackMetadataBodySchema,
  trackPromptBodySchema,
  trackResponseSchema,
  trackScoreBodySchema,
} from '../../../contract/promptlayer.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { recordAnnotations } from '../api/annotation-history.ts';
import { checkScore } from '../api/score-check.ts';
import type { RouteDeps } from '../deps.ts';

const missing = (id: number) => notFound(`Request ${id} not found.`, 'request_not_found');
const ok = (message: string) => ({ success: true as const, message });

export function trackRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const both = (name: string) => [`/rest/track-${name}`, `/library-track-${name}`];
  const track = { bodyStatus: 422, response: trackResponseSchema } as const;

  route(
    app,
    'POST',
    both('metadata'),
    { ...track, body: trackMetadataBodySchema },
    async ({ body, request }) => {
      if (!(await store.setMetadata(body.request_id, body.metadata))) throw missing(body.request_id);
      const changes = Object.entries(body.metadata).map(([name, value]) => ({
        kind: 'metadata' as const,
        name,
        value,
      }));
      await recordAnnotations(store, request, body.request_id, changes);
      return ok('Metadata tracked.');
    },
  );

  route(app, 'POST', both('score'), { ...track, body: trackScoreBodySchema }, async ({ body, request }) => {
    const name = body.name ?? body.score_name ?? 'default';
    const nameField = body.name ? 'name' : 'score_name';
    // A name with a score definition takes only that definition's values.
    await checkScore(store, name, body.score, { name: ['body', nameField], value: ['body', 'score'] });
    if (!(await store.setScore(body.request_id, name, body.score))) throw missing(body.request_id);
    await recordAnnotations(store, request, body.request_id, [
      { kind: 'score', name, value: String(body.score) },
    ]);
    return ok('Score tracked.');
  });

  route(app, 'POST', both('prompt'), { ...track, body: trackPromptBodySchema }, async ({ body }) => {
    const linked = await store.linkPrompt(body.request_id, {
      promptName: body.prompt_name,
      promptInputVariables: body.prompt_input_variables ?? null,
      versionNumber: body.version ?? null,
      label: body.label ?? null,
    });
    if (!linked) throw missing(body.request_id);
    return ok('Prompt tracked.');
  });

  const group = ['/rest/track-group', '/track-group', '/library-track-group'];
  route(app, 'POST', group, { ...track, body: trackGroupBodySchema }, async ({ body }) => {
    if (!(await store.setGroup(body.request_id, body.group_id))) throw missing(body.request_id);
    return ok('Group tracked.');
  });

  route(app, 'POST', '/create-group', { response: createGroupResponseSchema }, async () => ({
    success: true as const,
    id: await store.createGroup(),
  }));
}
