/**
 * The dashboard's prompt registry routes: the Prompts page's list (with request counts), a
 * template's versions, and publishing a new version through the same code path as the SDKs.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  type ListTemplatesResponse,
  PROMPT_NAME_MAX,
  type TemplateVersionsResponse,
} from '../../../contract/prompt-registry.ts';
import { notFound } from '../../http/errors.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import {
  listTemplates,
  publishResponse,
  publishVersion,
  versionResponse,
} from '../../prompts/registry-service.ts';
import type { RouteDeps } from '../deps.ts';

const versionsQuery = z.object({ name: z.string().min(1).max(PROMPT_NAME_MAX) });

export function promptRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  app.get('/api/prompts', async (request): Promise<ListTemplatesResponse> => {
    return listTemplates(store.prompts, request.query);
  });

  app.get('/api/prompts/versions', async (request): Promise<TemplateVersionsResponse> => {
    const { name } = parseOrThrow(versionsQuery, request.query, { loc: 'query' });
    const versions = await store.prompts.versions(name);
    const first = versions?.[0];
    if (!versions || !first)
      throw notFound(`Prompt template '${name}' not found.`, 'prompt_template_not_found');
    return {
      id: first.templateId,
      prompt_name: first.name,
      tags: first.tags,
      versions: versions.map(versionResponse),
    };
  });

  app.post('/api/prompts', async (request, reply) => {
    const record = await publishVersion(store.prompts, request.body);
    return reply.code(201).send(publishResponse(record));
  });
}
