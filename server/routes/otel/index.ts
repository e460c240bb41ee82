import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../deps.ts';
import { rawBodyParsers } from './body.ts';
import { otlpTracesRoute } from './traces.ts';

/** OTLP/HTTP trace ingest, in its own scope: its bodies are bytes (JSON or protobuf, maybe gzip). */
export async function otlpRoutes(
  app: FastifyInstance,
  options: RouteDeps & { bodyLimit: number },
): Promise<void> {
  // Who may send traces: server/auth/route-rules.ts (ingest).
  rawBodyParsers(app, options.bodyLimit);
  otlpTracesRoute(app, options);
}
