import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../deps.ts';

export function healthRoute(app: FastifyInstance, { store, version }: RouteDeps & { version: string }): void {
  app.get('/api/health', async () => ({ ok: true as const, version, store: store.kind }));
}
