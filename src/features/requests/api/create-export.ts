/** POST /api/exports: a one-time signed download URL for every request of a view, or of a selection (`ids`). */
import { useMutation } from '@tanstack/react-query';
import { createExportResponseSchema, type ExportFormat } from '../../../../contract/api.ts';
import { listToParams } from '../../../../contract/filter-query.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import type { ListView } from './request-queries.ts';

export interface CreateExportVariables {
  view: ListView;
  format: ExportFormat;
  /** Only these requests (a table selection). */
  ids?: number[];
}

export function useCreateExport() {
  return useMutation({
    // The menu says what failed in its own toast.
    meta: { silent: true },
    mutationFn: ({ view, format, ids }: CreateExportVariables) =>
      apiFetch('/api/exports', {
        method: 'POST',
        body: {
          format,
          query: listToParams({ filter: view.filter, sort: view.sort, order: view.order }).toString(),
          ...(ids ? { ids } : {}),
        },
        schema: createExportResponseSchema,
      }),
  });
}
