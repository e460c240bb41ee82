import type { FastifyInstance } from 'fastify';
import { emptyFilter } from '../../../contract/api.ts';
import { isEmptyFilter, parseFilterParams, repeatedScalarIssues } from '../../../contract/filter-query.ts';
import { badRequest } from '../../http/errors.ts';
import { rawQuery } from '../../http/params.ts';
import { queryIssuesError, unwrapQuery } from '../../http/query-errors.ts';
import type { RouteDeps } from '../deps.ts';

function refuse(msg: string, type: string) {
  return badRequest(`all: ${msg}`, [{ loc: ['query', 'all'], msg, type }], type);
}

/**
 * DELETE /api/requests?<filter>: deleting every request takes `all=true`, whether the filter is
 * empty or merely matches everything (`from=0`, every status, …).
 */
export function deleteRequestsRoute(app: FastifyInstance, { store }: RouteDeps): void {
  app.delete('/api/requests', async (request) => {
    const params = rawQuery(request.url);
    const repeated = repeatedScalarIssues(params, ['all']);
    if (repeated.length > 0) throw queryIssuesError(repeated);
    const all = params.get('all');
    if (all !== null && all !== 'true' && all !== 'false')
      throw refuse("expected 'true' or 'false'", 'invalid_param');
    const filter = unwrapQuery(parseFilterParams(params));
    if (all !== 'true') {
      if (isEmptyFilter(filter))
        throw refuse(
          'refusing to delete every request: give a filter, or all=true to really delete everything',
          'empty_filter',
        );
      const [matching, total] = await Promise.all([
        store.countRequests(filter),
        store.countRequests(emptyFilter()),
      ]);
      if (total > 0 && matching >= total)
        throw refuse(
          `the filter matches every request (${total}): add all=true to really delete everything`,
          'matches_everything',
        );
    }
    return { deleted: await store.deleteRequests(filter) };
  });
}
