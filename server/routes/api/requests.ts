import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CountResponse, ListResponse, ProbeResponse, RequestDetail } from '../../../contract/api.ts';
import { parseFilterParams, parseListParams, repeatedScalarIssues } from '../../../contract/filter-query.ts';
import { notFound } from '../../http/errors.ts';
import { parseIdParam, rawQuery } from '../../http/params.ts';
import { queryIssuesError, unwrapQuery } from '../../http/query-errors.ts';
import { parseOrThrow } from '../../http/zod-errors.ts';
import type { RouteDeps } from '../deps.ts';

const probeSchema = z.object({ after: z.coerce.number().int().min(0).default(0) });

export function requestRoutes(app: FastifyInstance, { store }: RouteDeps): void {
  app.get('/api/requests', async (request): Promise<ListResponse> => {
    const query = unwrapQuery(parseListParams(rawQuery(request.url)));
    return store.listRequests(query);
  });

  app.get('/api/requests/count', async (request): Promise<CountResponse> => {
    const filter = unwrapQuery(parseFilterParams(rawQuery(request.url)));
    return { total: await store.countRequests(filter) };
  });

  app.get('/api/requests/probe', async (request): Promise<ProbeResponse> => {
    const params = rawQuery(request.url);
    const repeated = repeatedScalarIssues(params, ['after']);
    if (repeated.length > 0) throw queryIssuesError(repeated);
    const { after } = parseOrThrow(
      probeSchema,
      { after: params.get('after') || undefined },
      { loc: 'query' },
    );
    const filter = unwrapQuery(parseFilterParams(params));
    return store.probe(after, filter);
  });

  app.get('/api/requests/:id', async (request): Promise<RequestDetail> => {
    const id = parseIdParam((request.params as { id?: unknown }).id, 'id');
    const detail = await store.getRequest(id);
    if (!detail) throw notFound(`Request ${id} not found.`, 'request_not_found');
    return detail;
  });
}
