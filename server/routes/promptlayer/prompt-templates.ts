/**
 * PromptLayer's prompt registry: publish (POST /rest/prompt-templates), get one rendered for a
 * call (POST /prompt-templates/{name or id}; a `/` in a name arrives raw or as %2F), list
 * (GET /prompt-templates). Unknown templates, versions and labels: 404 JSON.
 */
import type { FastifyInstance } from 'fastify';
import { getTemplateBodySchema } from '../../../contract/prompt-registry.ts';
import { notFound } from '../../http/errors.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import {
  listTemplates,
  publishResponse,
  publishVersion,
  templateResponse,
} from '../../prompts/registry-service.ts';
import type { PromptLookup } from '../../store/prompt-registry.ts';
import type { RouteDeps } from '../deps.ts';

export function lookupOrThrow(
  lookup: PromptLookup,
  identifier: string,
  selector: { version?: number; label?: string },
) {
  if (lookup.found) return lookup.record;
  if (lookup.missing === 'template')
    throw notFound(`Prompt template '${identifier}' not found.`, 'prompt_template_not_found');
  if (lookup.missing === 'label') {
    throw notFound(
      `Prompt template '${identifier}' has no release label '${selector.label}'.`,
      'prompt_label_not_found',
    );
  }
  throw notFound(
    `Prompt template '${identifier}' has no version ${selector.version}.`,
    'prompt_version_not_found',
  );
}

export function promptTemplateRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  app.post('/rest/prompt-templates', async (request, reply) => {
    const record = await publishVersion(store.prompts, request.body);
    return reply.code(201).send(publishResponse(record));
  });

  app.post('/prompt-templates/*', async (request) => {
    const identifier = (request.params as { '*': string })['*'].replace(/\/+$/, '');
    if (identifier === '')
      throw notFound('Prompt template name or id missing from the URL.', 'prompt_template_not_found');
    const { api_key: _key, ...rest } = (request.body ?? {}) as Record<string, unknown>;
    const body = parseOrThrow(getTemplateBodySchema, rest, { loc: 'body', status: 422 });
    const selector = {
      ...(body.label ? { label: body.label } : {}),
      ...(body.version && !body.label ? { version: body.version } : {}),
    };
    const record = lookupOrThrow(await store.prompts.find(identifier, selector), identifier, selector);
    return templateResponse(record, body);
  });

  app.get('/prompt-templates', async (request) => {
    return listTemplates(store.prompts, request.query);
  });
}
