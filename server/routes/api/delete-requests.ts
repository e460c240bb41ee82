import type { FastifyInstance } from 'fastify';
import { deleteResponseSchema } from '../../../contract/api.ts';
import { isEmptyFilter, parseFilterParams } from '../../../contract/filter-query.ts';
import { badRequest } from '../../http/errors.ts';
import { queryParser, route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

const filterQuery = queryParser(parseFilterParams);

export function deleteRequestsRoute(app: FastifyInstance, { store }: RouteDeps): void {
  const query = (params: URLSearchParams) => ({
    filter: filterQuery(params),
    all: params.get('all') === 'true',
  });
  route(app, 'DELETE', '/api/requests', { query, response: deleteResponseSchema }, async ({ query }) => {
    if (isEmptyFilter(query.filter) && !query.all) {
      const msg = 'refusing to delete every request: give a filter, or all=true to really delete everything';
      throw badRequest(`all: ${msg}`, [{ loc: ['query', 'all'], msg, type: 'empty_filter' }], 'empty_filter');
    }
    return { deleted: await store.deleteRequests(query.filter) };
  });
}
