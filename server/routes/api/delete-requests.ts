import type { FastifyInstance } from 'fastify';
import { deleteResponseSchema, emptyFilter } from '../../../contract/api.ts';
import { isEmptyFilter, parseFilterParams, repeatedScalarIssues } from '../../../contract/filter-query.ts';
import { auditCaller } from '../../auth/audit.ts';
import { badRequest, fromQueryIssues } from '../../http/errors.ts';
import { queryParser, rawQuery, route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

const filterQuery = queryParser(parseFilterParams);

function refuse(msg: string, type: string) {
  return badRequest(`all: ${msg}`, [{ loc: ['query', 'all'], msg, type }], type);
}

/** `all` is exactly true or false, given once; then the filter parameters. */
const deleteQuery = (params: URLSearchParams) => {
  const repeated = repeatedScalarIssues(params, ['all']);
  if (repeated.length > 0) throw fromQueryIssues(repeated);
  const all = params.get('all');
  if (all !== null && all !== 'true' && all !== 'false')
    throw refuse("expected 'true' or 'false'", 'invalid_param');
  return { filter: filterQuery(params), all: all === 'true' };
};

/**
 * DELETE /api/requests?<filter>: deleting every request takes `all=true`, whether the filter is
 * empty or merely matches everything (`from=0`, every status, …).
 */
export function deleteRequestsRoute(app: FastifyInstance, { store }: RouteDeps): void {
  route(
    app,
    'DELETE',
    '/api/requests',
    { query: deleteQuery, response: deleteResponseSchema },
    async ({ query, request }) => {
      if (!query.all) {
        if (isEmptyFilter(query.filter))
          throw refuse(
            'refusing to delete every request: give a filter, or all=true to really delete everything',
            'empty_filter',
          );
        const [matching, total] = await Promise.all([
          store.countRequests(query.filter),
          store.countRequests(emptyFilter()),
        ]);
        if (total > 0 && matching >= total)
          throw refuse(
            `the filter matches every request (${total}): add all=true to really delete everything`,
            'matches_everything',
          );
      }
      const deleted = await store.deleteRequests(query.filter);
      await auditCaller(store.auth, request, 'delete_requests', {
        filter: rawQuery(request.url).toString(),
        rows: deleted,
      });
      return { deleted };
    },
  );
}
