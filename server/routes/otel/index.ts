import type { FastifyInstance } from 'fastify';
import type { KeyVerifier } from '../../auth/api-keys.ts';
import { refuseWrongHeaderKey, requireApiKey } from '../../auth/require-api-key.ts';
import type { RouteDeps } from '../deps.ts';
import { rawBodyParsers } from './body.ts';
import { otlpTracesRoute } from './traces.ts';

/** OTLP/HTTP trace ingest, in its own scope: its bodies are bytes (JSON or protobuf, maybe gzip). */
export async function otlpRoutes(
  app: FastifyInstance,
  options: RouteDeps & { verifyKey: KeyVerifier; bodyLimit: number },
): Promise<void> {
  rawBodyParsers(app, options.bodyLimit);
  app.addHook('onRequest', refuseWrongHeaderKey(options.verifyKey));
  app.addHook('preHandler', requireApiKey(options.verifyKey));
  otlpTracesRoute(app, options);
}
