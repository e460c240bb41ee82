import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FacetValue } from '../../../contract/api.ts';
import { SUGGESTION_FIELDS } from '../../../contract/promptlayer.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import type { RouteDeps } from '../deps.ts';

const querySchema = z.object({
  field: z.enum(SUGGESTION_FIELDS),
  prefix: z.string().max(1024).default(''),
  /** The metadata key whose values to suggest (field=metadata). */
  nested_key: z.string().min(1).max(1024).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function suggestionsRoute(app: FastifyInstance, { store }: RouteDeps): void {
  app.get('/api/public/v2/requests/suggestions', async (request) => {
    const { field, prefix, nested_key, limit } = parseOrThrow(querySchema, request.query, { loc: 'query' });
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
