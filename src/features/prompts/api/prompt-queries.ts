/**
 * Query options for the prompt registry (TkDodo's factory):
 *   ['prompts']                          everything (invalidate after publishing)
 *   ['prompts', 'list', name]            the templates whose name contains `name`
 *   ['prompts', 'versions', name]        one template's versions, newest first
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  listTemplatesResponseSchema,
  templateVersionsResponseSchema,
} from '../../../../contract/prompt-registry.ts';
import { apiFetch } from '../../../lib/api-client.ts';

export const PROMPTS_PAGE_SIZE = 100;

export const promptQueries = {
  all: () => ['prompts'] as const,
  list: (name: string) =>
    queryOptions({
      queryKey: [...promptQueries.all(), 'list', name] as const,
      queryFn: ({ signal }) =>
        apiFetch(
          `/api/prompts?${new URLSearchParams({ per_page: String(PROMPTS_PAGE_SIZE), ...(name ? { name } : {}) })}`,
          {
            schema: listTemplatesResponseSchema,
            signal,
          },
        ),
      placeholderData: keepPreviousData,
    }),
  versions: (name: string) =>
    queryOptions({
      queryKey: [...promptQueries.all(), 'versions', name] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/prompts/versions?${new URLSearchParams({ name })}`, {
          schema: templateVersionsResponseSchema,
          signal,
        }),
    }),
};
