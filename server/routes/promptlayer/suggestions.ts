import type { FastifyInstance } from 'fastify';
import type { FacetValue } from '../../../contract/api.ts';
import { suggestionsQuerySchema, suggestionsResponseSchema } from '../../../contract/promptlayer-search.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

export function suggestionsRoute(app: FastifyInstance, { store }: RouteDeps): void {
  const schemas = { query: suggestionsQuerySchema, response: suggestionsResponseSchema };
  route(app, 'GET', '/api/public/v2/requests/suggestions', schemas, async ({ query }) => {
    const { field, prefix, nested_key, limit } = query;
    let values: FacetValue[];
    if (field === 'metadata' && nested_key) {
      values = await store.metadataValues(nested_key, prefix, limit);
    } else {
      const facets = await store.facets();
      const all: FacetValue[] = {
        engine: facets.models,
        provider_type: facets.providers,
        status: facets.statuses,
        tags: facets.tags,
        metadata_keys: facets.metadataKeys,
        metadata: facets.metadataKeys,
        prompt_name: facets.promptNames,
      }[field];
      const lower = prefix.toLowerCase();
      values = all
        .filter((facet) => facet.value.toLowerCase().startsWith(lower))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, limit);
    }
    return {
      success: true as const,
      field,
      suggestions: values.map(({ value, count }) => ({ value, count })),
    };
  });
}
