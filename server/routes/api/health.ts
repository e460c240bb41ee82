import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../deps.ts';

/** 200 only when the store answers: a load balancer takes an instance whose database is gone out. */
export function healthRoute(app: FastifyInstance, { store, version }: RouteDeps & { version: string }): void {
  app.get('/api/health', async () => {
    await store.ping();
    return { ok: true as const, version, store: store.kind };
  });
}
