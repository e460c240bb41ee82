/**
 * PromptLayer's prompt registry: publish (POST /rest/prompt-templates), get one rendered for a
 * call (POST /prompt-templates/{name or id}; a `/` in a name arrives raw or as %2F), list
 * (GET /prompt-templates). Unknown templates, versions and labels: 404 JSON.
 */
import type { FastifyInstance } from 'fastify';
import {
  getTemplateBodySchema,
  getTemplateResponseSchema,
  listTemplatesQuerySchema,
  listTemplatesResponseSchema,
  publishBodySchema,
  publishResponseSchema,
  templateIdentifierParamsSchema,
} from '../../../contract/prompt-registry.ts';
import { notFound, parseWith } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
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

/** The template's name or id; an empty one is a 404 (checked before the body). */
function templateIdentifier(raw: unknown): string {
  const identifier = parseWith(templateIdentifierParamsSchema, raw, 'path')['*'].replace(/\/+$/, '');
  if (identifier === '')
    throw notFound('Prompt template name or id missing from the URL.', 'prompt_template_not_found');
  return identifier;
}

/** The SDKs put the key in the body; it is no part of the request for the template. */
function getTemplateBody(raw: unknown) {
  const { api_key: _key, ...rest } = (raw ?? {}) as Record<string, unknown>;
  return parseWith(getTemplateBodySchema, rest, 'body', 422);
}

/** Publishing a version: the SDKs' path and the dashboard's form share it (201 with the version). */
export function publishRoute(app: FastifyInstance, path: string, { prompts }: RouteDeps['store']): void {
  const schemas = {
    body: publishBodySchema,
    bodyStatus: 422,
    status: 201,
    response: publishResponseSchema,
  } as const;
  route(app, 'POST', path, schemas, async ({ body }) => publishResponse(await publishVersion(prompts, body)));
}

export function promptTemplateRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  publishRoute(app, '/rest/prompt-templates', store);

  const get = { params: templateIdentifier, body: getTemplateBody, response: getTemplateResponseSchema };
  route(app, 'POST', '/prompt-templates/*', get, async ({ params: identifier, body }) => {
    const selector = {
      ...(body.label ? { label: body.label } : {}),
      ...(body.version && !body.label ? { version: body.version } : {}),
    };
    const record = lookupOrThrow(await store.prompts.find(identifier, selector), identifier, selector);
    return templateResponse(record, body);
  });

  const list = { query: listTemplatesQuerySchema, response: listTemplatesResponseSchema };
  route(app, 'GET', '/prompt-templates', list, ({ query }) => listTemplates(store.prompts, query));
}
