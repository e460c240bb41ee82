/**
 * GET /metrics in the Prometheus text format, for read keys and up (`Authorization: Bearer <key>`,
 * which Prometheus sends with `authorization: {credentials_file: …}`): per-route request rates
 * and latencies, the ingest queue, the store (WAL and checkpoints, or the PostgreSQL pool), store
 * errors, and the Node process (CPU, memory, event-loop delay, GC).
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Store } from '../store/store.ts';
import { installHttpMetrics } from './http-metrics.ts';
import { installStoreMetrics } from './store-metrics.ts';

let processRegistry: Registry | undefined;

/** Process metrics are process-wide: collected once however many apps a process builds (tests). */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function metricsRoute(app: FastifyInstance, deps: { store: Store }): void {
  const registry = new Registry();
  installHttpMetrics(app, registry);
  const refreshStore = installStoreMetrics(app, registry, deps.store);
  // Who may scrape: server/auth/route-rules.ts.
  app.get('/metrics', async (_request, reply) => {
    refreshStore();
    const text = `${await registry.metrics()}\n${await processMetrics().metrics()}`;
    return reply.type(registry.contentType).header('cache-control', 'no-store').send(text);
  });
}
