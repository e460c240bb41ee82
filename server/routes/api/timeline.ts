import type { FastifyInstance } from 'fastify';
import { parseTimelineParams, timelineResponseSchema } from '../../../contract/timeline.ts';
import { queryParser, route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

export function timelineRoute(app: FastifyInstance, { store }: RouteDeps): void {
  route(
    app,
    'GET',
    '/api/requests/timeline',
    { query: queryParser(parseTimelineParams), response: timelineResponseSchema },
    ({ query }) => store.timeline(query),
  );
}
