/**
 * The dashboard's prompt registry routes: the Prompts page's list (with request counts), a
 * template's versions, and publishing a new version through the same code path as the SDKs.
 */
import type { FastifyInstance } from 'fastify';
import {
  listTemplatesQuerySchema,
  listTemplatesResponseSchema,
  templateVersionsQuerySchema,
  templateVersionsResponseSchema,
} from '../../../contract/prompt-registry.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { listTemplates, versionResponse } from '../../prompts/registry-service.ts';
import type { RouteDeps } from '../deps.ts';
import { publishRoute } from '../promptlayer/prompt-templates.ts';

export function promptRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  const list = { query: listTemplatesQuerySchema, response: listTemplatesResponseSchema };
  route(app, 'GET', '/api/prompts', list, ({ query }) => listTemplates(store.prompts, query));

  const versions = { query: templateVersionsQuerySchema, response: templateVersionsResponseSchema };
  route(app, 'GET', '/api/prompts/versions', versions, async ({ query: { name } }) => {
    const found = await store.prompts.versions(name);
    const first = found?.[0];
    if (!found || !first) throw notFound(`Prompt template '${name}' not found.`, 'prompt_template_not_found');
    return {
      id: first.templateId,
      prompt_name: first.name,
      tags: first.tags,
      versions: found.map(versionResponse),
    };
  });

  publishRoute(app, '/api/prompts', store);
}
