import type { FastifyInstance } from 'fastify';
import { healthResponseSchema } from '../../../contract/api.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

export function healthRoute(app: FastifyInstance, { store, version }: RouteDeps & { version: string }): void {
  route(app, 'GET', '/api/health', { response: healthResponseSchema }, async () => ({
    ok: true as const,
    version,
    store: store.kind,
  }));
}
