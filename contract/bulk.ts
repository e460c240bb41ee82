/**
 * Bulk actions (issue #12) on a selection of requests (`POST /api/bulk`, at most
 * BULK_SELECTION_MAX ids, one transaction) or on every request matching a filter
 * (`POST /api/bulk-jobs`, run server-side in batches, with progress and cancel).
 */
import { z } from 'zod';
import { METADATA_KEY_MAX, SCORE_NAME_MAX, TAG_MAX } from './api.ts';
import { BULK_SELECTION_MAX } from './limits.ts';

export { BULK_SELECTION_MAX };

const name = (max: number) => z.string().trim().min(1).max(max);
export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add-tag'), tag: name(TAG_MAX) }),
  z.object({ kind: z.literal('remove-tag'), tag: name(TAG_MAX) }),
  z.object({ kind: z.literal('set-metadata'), key: name(METADATA_KEY_MAX), value: z.string().max(100_000) }),
  z.object({ kind: z.literal('delete-metadata'), key: name(METADATA_KEY_MAX) }),
  z.object({
    kind: z.literal('set-score'),
    name: name(SCORE_NAME_MAX),
    value: z.number().int().min(0).max(100),
  }),
  z.object({ kind: z.literal('delete-score'), name: name(SCORE_NAME_MAX) }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

/** What a whole-filter job does: an annotation action, or deleting the requests (admins only). */
export const bulkJobActionSchema = z.discriminatedUnion('kind', [
  ...bulkActionSchema.options,
  z.object({ kind: z.literal('delete') }),
]);
export type BulkJobAction = z.infer<typeof bulkJobActionSchema>;

export const selectionIdsSchema = z.array(z.number().int().positive()).min(1).max(BULK_SELECTION_MAX);

export const bulkSelectionBodySchema = z.object({
  action: bulkActionSchema,
  ids: selectionIdsSchema,
});

export const bulkSelectionResponseSchema = z.object({ changed: z.number().int() });

/** POST /api/bulk/delete (admins): the selected requests, all or none. */
export const bulkDeleteBodySchema = z.object({ ids: selectionIdsSchema });
export const bulkDeleteResponseSchema = z.object({ deleted: z.number().int() });

export const bulkJobBodySchema = z.object({
  action: bulkActionSchema,
  /** The list's query string (the dashboard URL's filter part), as for exports. */
  query: z.string().max(20_000),
  /** The count the user confirmed; the job is refused when nothing matches. */
  expected: z.number().int().min(0).optional(),
});

/** POST /api/bulk-jobs/delete (admins): delete every request matching the list query, in batches. */
export const bulkDeleteJobBodySchema = bulkJobBodySchema.omit({ action: true });

export const BULK_JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export const bulkJobSchema = z.object({
  id: z.string(),
  action: bulkJobActionSchema,
  query: z.string(),
  state: z.enum(BULK_JOB_STATES),
  /** Matching requests when the job started (new requests logged meanwhile are left alone). */
  total: z.number().int(),
  /** Requests looked at and acted on so far (each batch all or nothing). */
  done: z.number().int(),
  batches: z.number().int(),
  actor: z.string(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type BulkJob = z.infer<typeof bulkJobSchema>;
