/**
 * Bulk actions (contract/bulk.ts): on a selection (one transaction, all or nothing: a stale id
 * refuses the whole selection) or on everything matching a filter (a job in batches, with
 * progress and cancel). Both are checked against score definitions and land in the audit log.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type BulkAction,
  type BulkJobAction,
  bulkDeleteBodySchema,
  bulkDeleteJobBodySchema,
  bulkDeleteResponseSchema,
  bulkJobBodySchema,
  bulkJobSchema,
  bulkSelectionBodySchema,
  bulkSelectionResponseSchema,
} from '../../../contract/bulk.ts';
import { parseListParams } from '../../../contract/filter-query.ts';
import { auditCaller } from '../../auth/audit.ts';
import { actorLabel } from '../../auth/principal.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { queryParser, route } from '../../http/route.ts';
import { BulkJobs } from '../../review/bulk-jobs.ts';
import type { RouteDeps } from '../deps.ts';
import { recordAnnotations } from './annotation-history.ts';
import { checkScore } from './score-check.ts';

const listQuery = queryParser(parseListParams);
const jobParamsSchema = z.object({ id: z.uuid() });

function historyChange(action: BulkAction) {
  switch (action.kind) {
    case 'add-tag':
    case 'remove-tag':
      return { kind: 'tag', name: action.tag, value: action.kind === 'add-tag' ? action.tag : null } as const;
    case 'set-metadata':
    case 'delete-metadata':
      return {
        kind: 'metadata',
        name: action.key,
        value: action.kind === 'set-metadata' ? action.value : null,
      } as const;
    case 'set-score':
    case 'delete-score':
      return {
        kind: 'score',
        name: action.name,
        value: action.kind === 'set-score' ? String(action.value) : null,
      } as const;
  }
}

/** Ids of a selection that no longer exist: 409, and nothing was done. */
function staleSelection(missing: readonly number[]): HttpError {
  const msg = `${missing.length} selected request(s) no longer exist (e.g. ${missing[0]}): nothing was changed; reload and select again`;
  return new HttpError(409, 'stale_selection', `ids: ${msg}`, [
    { loc: ['body', 'ids'], msg, type: 'stale_selection' },
  ]);
}

const checkAction = (deps: RouteDeps, action: BulkAction) =>
  action.kind === 'set-score' ? checkScore(deps.store, action.name, action.value) : Promise.resolve();

export function bulkRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps;
  const jobs = new BulkJobs(store, (job) =>
    store.auth.appendAudit({
      at: job.finishedAt ?? Date.now(),
      actor: job.actor,
      action: 'bulk_job_finished',
      detail: { id: job.id, state: job.state, done: job.done, total: job.total, error: job.error },
    }),
  );
  app.addHook('onClose', () => jobs.close());

  route(
    app,
    'POST',
    '/api/bulk',
    { body: bulkSelectionBodySchema, response: bulkSelectionResponseSchema },
    async ({ body, request }) => {
      await checkAction(deps, body.action);
      const result = await store.bulkAnnotate(body.ids, body.action, { allOrNone: true });
      if (result.missing.length > 0) throw staleSelection(result.missing);
      const change = historyChange(body.action);
      await Promise.all(result.acted.map((id) => recordAnnotations(store, request, id, [change])));
      await auditCaller(store.auth, request, 'bulk_selection', {
        action: body.action,
        requests: result.acted.length,
      });
      return { changed: result.acted.length };
    },
  );

  route(
    app,
    'POST',
    '/api/bulk/delete',
    { body: bulkDeleteBodySchema, response: bulkDeleteResponseSchema },
    async ({ body, request }) => {
      const result = await store.deleteRequestIds(body.ids, { allOrNone: true });
      if (result.missing.length > 0) throw staleSelection(result.missing);
      await auditCaller(store.auth, request, 'delete_requests', {
        ids: result.acted,
        rows: result.acted.length,
      });
      return { deleted: result.acted.length };
    },
  );

  const startJob = async (action: BulkJobAction, query: string, request: FastifyRequest) => {
    const params = new URLSearchParams(query.replace(/^\?/, ''));
    const { filter } = listQuery(params);
    if (action.kind !== 'delete') await checkAction(deps, action);
    const total = await store.countRequests(filter);
    if (total === 0) {
      const msg = 'no request matches this filter: nothing to do';
      throw new HttpError(422, 'no_rows', `query: ${msg}`, [
        { loc: ['body', 'query'], msg, type: 'no_rows' },
      ]);
    }
    const actor = actorLabel(request.principal);
    const job = jobs.start({ action, filter, query: params.toString(), total, actor });
    await store.auth.appendAudit({
      at: job.startedAt,
      actor,
      action: 'bulk_job_started',
      detail: { id: job.id, action, filter: job.query, total },
    });
    return job;
  };

  route(
    app,
    'POST',
    '/api/bulk-jobs',
    { body: bulkJobBodySchema, status: 202, response: bulkJobSchema },
    ({ body, request }) => startJob(body.action, body.query, request),
  );
  // Deleting is for admins (its own route, so the route rules say so).
  route(
    app,
    'POST',
    '/api/bulk-jobs/delete',
    { body: bulkDeleteJobBodySchema, status: 202, response: bulkJobSchema },
    ({ body, request }) => startJob({ kind: 'delete' }, body.query, request),
  );

  const found = (id: string, job: ReturnType<BulkJobs['get']>) => {
    if (!job)
      throw notFound(
        `Bulk job ${id} not found (jobs are kept by the server that runs them, for a while).`,
        'job_not_found',
      );
    return job;
  };
  const oneJob = { params: jobParamsSchema, response: bulkJobSchema };
  route(app, 'GET', '/api/bulk-jobs/:id', oneJob, async ({ params: { id } }) => found(id, jobs.get(id)));
  route(app, 'POST', '/api/bulk-jobs/:id/cancel', oneJob, async ({ params: { id } }) =>
    found(id, jobs.cancel(id)),
  );
}
