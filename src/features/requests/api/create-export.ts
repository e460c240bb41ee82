/** POST /api/exports: a one-time signed download URL for every request of a view. */
import { useMutation } from '@tanstack/react-query';
import { createExportResponseSchema, type ExportFormat } from '../../../../contract/api.ts';
import { listToParams } from '../../../../contract/filter-query.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import type { ListView } from './request-queries.ts';

export interface CreateExportVariables {
  view: ListView;
  format: ExportFormat;
}

export function useCreateExport() {
  return useMutation({
    // The menu says what failed in its own toast.
    meta: { silent: true },
    mutationFn: ({ view, format }: CreateExportVariables) =>
      apiFetch('/api/exports', {
        method: 'POST',
        body: {
          format,
          query: listToParams({ filter: view.filter, sort: view.sort, order: view.order }).toString(),
        },
        schema: createExportResponseSchema,
      }),
  });
}
