/**
 * Score definitions (contract/score-definitions.ts): everyone who reads sees them (the drawer's
 * score form is built from them); admins create and archive, and both land in the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { requestParamsSchema } from '../../../contract/api.ts';
import {
  newScoreDefinitionSchema,
  scoreCommentsResponseSchema,
  scoreDefinitionSchema,
  scoreDefinitionsQuerySchema,
  scoreDefinitionsResponseSchema,
} from '../../../contract/score-definitions.ts';
import { actorLabel } from '../../auth/principal.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

export function scoreDefinitionRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  route(
    app,
    'GET',
    '/api/score-definitions',
    { query: scoreDefinitionsQuerySchema, response: scoreDefinitionsResponseSchema },
    async ({ query }) => {
      const [definitions, facets] = await Promise.all([
        store.review.listScoreDefinitions(query.archived),
        store.facets(),
      ]);
      const defined = new Set(definitions.filter((d) => d.archivedAt === null).map((d) => d.name));
      const freeForm = facets.scoreNames
        .filter((f) => !defined.has(f.value))
        .map((f) => ({ name: f.value, count: f.count }));
      return { definitions, freeForm };
    },
  );

  route(
    app,
    'POST',
    '/api/score-definitions',
    { body: newScoreDefinitionSchema, status: 201, response: scoreDefinitionSchema },
    async ({ body, request }) => {
      const actor = actorLabel(request.principal);
      const now = Date.now();
      const created = await store.review.createScoreDefinition(body, actor, now);
      if (!created) {
        const msg = `an active definition is already named "${body.name}": archive it first`;
        throw new HttpError(409, 'name_taken', `name: ${msg}`, [
          { loc: ['body', 'name'], msg, type: 'name_taken' },
        ]);
      }
      await store.auth.appendAudit({
        at: now,
        actor,
        action: 'score_definition_created',
        detail: { id: created.id, name: created.name, kind: created.kind, labels: created.labels },
      });
      return created;
    },
  );

  route(
    app,
    'POST',
    '/api/score-definitions/:id/archive',
    { params: requestParamsSchema, response: scoreDefinitionSchema },
    async ({ params, request }) => {
      const now = Date.now();
      const archived = await store.review.archiveScoreDefinition(params.id, now);
      if (!archived) throw notFound(`Score definition ${params.id} not found.`, 'definition_not_found');
      if (archived.archivedAt === now)
        await store.auth.appendAudit({
          at: now,
          actor: actorLabel(request.principal),
          action: 'score_definition_archived',
          detail: { id: archived.id, name: archived.name },
        });
      return archived;
    },
  );

  route(
    app,
    'GET',
    '/api/requests/:id/score-comments',
    { params: requestParamsSchema, response: scoreCommentsResponseSchema },
    async ({ params }) => ({ comments: await store.review.scoreComments(params.id) }),
  );
}
