/** POST /api/prompts: a new version, through the same publish path the SDKs use. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { publishResponseSchema } from '../../../../contract/prompt-registry.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import { promptQueries } from './prompt-queries.ts';

export interface NewVersionInput {
  name: string;
  template: Record<string, unknown>;
  model: { provider: string; name: string; parameters: Record<string, unknown> };
  commitMessage: string;
  labels: string[];
}

export function usePublishVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewVersionInput) => {
      const version = {
        prompt_name: input.name,
        prompt_template: input.template,
        metadata: { model: input.model },
        commit_message: input.commitMessage || null,
      };
      return apiFetch('/api/prompts', {
        method: 'POST',
        schema: publishResponseSchema,
        body: { prompt_template: version, prompt_version: version, release_labels: input.labels },
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: promptQueries.all() }),
  });
}
