import type { FastifyInstance } from 'fastify';
import { healthResponseSchema } from '../../../contract/api.ts';
import { route } from '../../http/route.ts';
import type { RouteDeps } from '../deps.ts';

export function healthRoute(app: FastifyInstance, { store, version }: RouteDeps & { version: string }): void {
  // 200 only when the store answers: a load balancer takes an instance whose database is gone out.
  route(app, 'GET', '/api/health', { response: healthResponseSchema }, async () => {
    await store.ping();
    return { ok: true as const, version, store: store.kind };
  });
}
