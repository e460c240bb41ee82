import type { FastifyInstance } from 'fastify';
import { searchBodySchema, searchResponseSchema } from '../../../contract/promptlayer-search.ts';
import { optionalBody, route } from '../../http/route.ts';
import type { SearchQuery } from '../../store/store.ts';
import type { RouteDeps } from '../deps.ts';
import { rowToSearchItem } from './wire-format.ts';

export function searchRoute(app: FastifyInstance, { store }: RouteDeps): void {
  const schemas = { body: optionalBody(searchBodySchema), response: searchResponseSchema };
  route(app, 'POST', '/api/public/v2/requests/search', schemas, async ({ body }) => {
    const query: SearchQuery = {
      filterGroup: body.filter_group,
      q: body.q?.trim() ? body.q.trim() : null,
      sortBy: body.sort_by ?? 'request_start_time',
      sortOrder: body.sort_order ?? 'desc',
      page: body.page ?? 1,
      perPage: body.per_page ?? 10,
    };
    const { rows, total } = await store.search(query);
    const pages = Math.ceil(total / query.perPage);
    const hasNext = query.page < pages;
    const hasPrev = query.page > 1;
    return {
      success: true as const,
      items: rows.map(rowToSearchItem),
      page: query.page,
      pages,
      per_page: query.perPage,
      total,
      has_next: hasNext,
      has_prev: hasPrev,
      next_num: hasNext ? query.page + 1 : null,
      prev_num: hasPrev ? query.page - 1 : null,
    };
  });
}
