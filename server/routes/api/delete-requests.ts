import type { FastifyInstance } from 'fastify';
import { isEmptyFilter, parseFilterParams } from '../../../contract/filter-query.ts';
import { actorLabel } from '../../auth/principal.ts';
import { badRequest } from '../../http/errors.ts';
import { rawQuery } from '../../http/params.ts';
import { unwrapQuery } from '../../http/query-errors.ts';
import type { RouteDeps } from '../deps.ts';

export function deleteRequestsRoute(app: FastifyInstance, { store }: RouteDeps): void {
  app.delete('/api/requests', async (request) => {
    const params = rawQuery(request.url);
    const filter = unwrapQuery(parseFilterParams(params));
    if (isEmptyFilter(filter) && params.get('all') !== 'true') {
      const msg = 'refusing to delete every request: give a filter, or all=true to really delete everything';
      throw badRequest(`all: ${msg}`, [{ loc: ['query', 'all'], msg, type: 'empty_filter' }], 'empty_filter');
    }
    const deleted = await store.deleteRequests(filter);
    await store.auth.appendAudit({
      at: Date.now(),
      actor: actorLabel(request.principal),
      action: 'delete_requests',
      detail: { filter: params.toString(), rows: deleted },
    });
    return { deleted };
  });
}
