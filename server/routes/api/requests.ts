import type { FastifyInstance } from 'fastify';
import {
  countResponseSchema,
  listResponseSchema,
  probeAfterSchema,
  probeResponseSchema,
  requestDetailSchema,
  requestParamsSchema,
} from '../../../contract/api.ts';
import { parseFilterParams, parseListParams } from '../../../contract/filter-query.ts';
import { notFound, parseWith } from '../../http/errors.ts';
import { queryParser, route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

const listQuery = queryParser(parseListParams);
const filterQuery = queryParser(parseFilterParams);
/** `after` first (a plain value), then the filter parameters. */
const probeQuery = (params: URLSearchParams) => ({
  after: parseWith(probeAfterSchema, { after: params.get('after') || undefined }, 'query').after,
  filter: filterQuery(params),
});

export function requestRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  route(app, 'GET', '/api/requests', { query: listQuery, response: listResponseSchema }, ({ query }) =>
    store.listRequests(query),
  );

  route(
    app,
    'GET',
    '/api/requests/count',
    { query: filterQuery, response: countResponseSchema },
    async ({ query }) => ({
      total: await store.countRequests(query),
    }),
  );

  route(
    app,
    'GET',
    '/api/requests/probe',
    { query: probeQuery, response: probeResponseSchema },
    ({ query }) => store.probe(query.after, query.filter),
  );

  route(
    app,
    'GET',
    '/api/requests/:id',
    { params: requestParamsSchema, response: requestDetailSchema },
    async ({ params: { id } }) => {
      const detail = await store.getRequest(id);
      if (!detail) throw notFound(`Request ${id} not found.`, 'request_not_found');
      return detail;
    },
  );
}
